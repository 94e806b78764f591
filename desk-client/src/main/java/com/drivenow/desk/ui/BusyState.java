package com.drivenow.desk.ui;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.util.Duration;

/**
 * Counts a view's calls in flight. {@code busy} is true at once (to disable buttons);
 * {@code showProgress} only after 200 ms, so quick calls do not flash a spinner. FX thread only.
 */
public final class BusyState {

    private static final Duration PROGRESS_DELAY = Duration.millis(200);

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper showProgress = new ReadOnlyBooleanWrapper();
    private final PauseTransition delay = new PauseTransition(PROGRESS_DELAY);
    private int running;

    public BusyState() {
        delay.setOnFinished(e -> showProgress.set(running > 0));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showProgressProperty() {
        return showProgress.getReadOnlyProperty();
    }

    void started() {
        if (running++ == 0) {
            busy.set(true);
            delay.playFromStart();
        }
    }

    void finished() {
        if (--running == 0) {
            busy.set(false);
            showProgress.set(false);
            delay.stop();
        }
    }
}
