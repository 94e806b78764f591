package com.drivenow.desk.api;

/** Told of every call's outcome, so the connection indicator can say when a server is down. Called off the FX thread. */
public interface GatewayHealthListener {

    void callSucceeded();

    void outage(GatewayException failure);
}
