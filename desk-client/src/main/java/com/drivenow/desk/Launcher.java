package com.drivenow.desk;

/** Plain entry point: launching a class that is not an Application keeps classpath launches working. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        DeskApp.main(args);
    }
}
