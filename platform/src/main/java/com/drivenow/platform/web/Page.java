package com.drivenow.platform.web;

import java.util.List;

/** The listing shape of the public API: {@code {"items","page","size","total"}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }
}
