package com.drivenow.localstack;

import java.util.concurrent.CountDownLatch;

/** Starts the whole system on this machine and keeps it running until Ctrl-C. */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = new LocalStack(LocalStackSettings.from(System.getenv()), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printSummary();
        stopped.await();
    }
}
