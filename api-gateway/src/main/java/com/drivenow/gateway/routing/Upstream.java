package com.drivenow.gateway.routing;

/** The servers behind the gateway, named as in {@code upstream.<name>}. */
public enum Upstream {
    INVENTORY,
    BOOKING;

    public String configKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
