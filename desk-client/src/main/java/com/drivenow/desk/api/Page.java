package com.drivenow.desk.api;

import java.util.List;

public record Page<T>(List<T> items, int page, int size, long total) {

    public boolean isLast() {
        return (long) (page + 1) * size >= total || items.isEmpty();
    }
}
