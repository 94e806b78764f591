package com.drivenow.desk.api;

public record Customer(String name, String email, String phone, String licenseNumber) {
}
