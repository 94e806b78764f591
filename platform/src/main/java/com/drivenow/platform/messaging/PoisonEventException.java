package com.drivenow.platform.messaging;

/**
 * Thrown by an {@link EventHandler} for an event it can never apply, however often it is delivered
 * (unknown car, retired car, a body that breaks the contract). The consumer parks the event with the
 * reason instead of retrying it.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
