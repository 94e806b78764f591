package com.drivenow.bench.system;

/**
 * The three servers, in start order (the booking server asks inventory; the gateway fronts both).
 * Each runs as one or more {@link Instance}s.
 */
public enum Server {
    INVENTORY("inventory-server"),
    BOOKING("booking-server"),
    GATEWAY("api-gateway");

    private final String module;

    Server(String module) {
        this.module = module;
    }

    public String module() {
        return module;
    }
}
