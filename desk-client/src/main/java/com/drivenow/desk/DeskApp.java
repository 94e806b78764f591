package com.drivenow.desk;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/** The JavaFX application: opens the desk window; with --self-check, exits 0 after the first frame. */
public final class DeskApp extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        DeskShell shell = new DeskShell(stage, DeskPreferences.forUser(), options);
        shell.show();
        if (options.selfCheck()) {
            shell.scene().addPostLayoutPulseListener(DeskApp::firstFrameShown);
        }
    }

    private static void firstFrameShown() {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("self-check ok: first frame " + sinceStart + " ms after JVM start");
        Platform.exit();
    }
}
