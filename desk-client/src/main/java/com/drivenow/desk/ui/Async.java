package com.drivenow.desk.ui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Runs gateway calls on virtual threads and hands the outcome back to the FX thread. */
public final class Async {

    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    private Async() {
    }

    /** Call from the FX thread; {@code onSuccess} and {@code onFailure} run on it too. */
    public static <T> void run(BusyState busy, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        busy.started();
        WORKERS.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    busy.finished();
                    onSuccess.accept(result);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    busy.finished();
                    onFailure.accept(e);
                });
            }
        });
    }
}
