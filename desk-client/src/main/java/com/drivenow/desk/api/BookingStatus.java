package com.drivenow.desk.api;

public enum BookingStatus { RESERVED, ACTIVE, RETURNED, CANCELLED, NEEDS_ATTENTION }
