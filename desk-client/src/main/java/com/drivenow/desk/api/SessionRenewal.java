package com.drivenow.desk.api;

/**
 * Asked, from a worker thread, to get a fresh token after the gateway answered 401 to a signed-in call.
 * Returns true once the user has signed in again (the call is then repeated), false when they gave up.
 */
@FunctionalInterface
public interface SessionRenewal {
    boolean renew();
}
