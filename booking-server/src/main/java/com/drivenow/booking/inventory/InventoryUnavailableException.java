package com.drivenow.booking.inventory;

/** The inventory server did not answer usefully (down, slow, erroring, or the breaker is open). */
public final class InventoryUnavailableException extends RuntimeException {

    public InventoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
