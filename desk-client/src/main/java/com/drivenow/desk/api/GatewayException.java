package com.drivenow.desk.api;

/** Any failed gateway call; {@link #getMessage()} is written for the agent at the counter. */
public abstract sealed class GatewayException extends RuntimeException
        permits ProblemException, GatewayUnreachableException {

    protected GatewayException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the failure says a server is down rather than that the request was wrong. */
    public abstract boolean isOutage();
}
