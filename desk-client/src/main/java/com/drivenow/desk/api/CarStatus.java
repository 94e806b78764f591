package com.drivenow.desk.api;

public enum CarStatus { AVAILABLE, RENTED, MAINTENANCE, RETIRED }
