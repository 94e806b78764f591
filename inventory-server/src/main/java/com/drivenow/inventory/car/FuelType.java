package com.drivenow.inventory.car;

public enum FuelType {
    PETROL, DIESEL, HYBRID, ELECTRIC
}
