package com.drivenow.inventory.car;

public enum Category {
    ECONOMY, COMPACT, MIDSIZE, SUV, VAN, LUXURY
}
