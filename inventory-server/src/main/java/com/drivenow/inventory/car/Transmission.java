package com.drivenow.inventory.car;

public enum Transmission {
    MANUAL, AUTOMATIC
}
