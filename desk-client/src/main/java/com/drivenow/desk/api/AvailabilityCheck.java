package com.drivenow.desk.api;

/** How the booking server checked that a car was free: live with inventory, or on its cached fleet copy. */
public enum AvailabilityCheck { LIVE, CACHED }
