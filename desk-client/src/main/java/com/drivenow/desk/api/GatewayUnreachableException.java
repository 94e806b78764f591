package com.drivenow.desk.api;

import java.net.URI;

/** The gateway did not answer at all (refused, timed out, unknown host). */
public final class GatewayUnreachableException extends GatewayException {

    public GatewayUnreachableException(URI gateway, Throwable cause) {
        super("Cannot reach the DriveNow gateway at " + gateway
                + ". Check the address and the network, then try again.", cause);
    }

    @Override
    public boolean isOutage() {
        return true;
    }
}
