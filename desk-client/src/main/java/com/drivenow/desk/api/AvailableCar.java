package com.drivenow.desk.api;

public record AvailableCar(Car car, Money quote) {
}
