package com.drivenow.platform.web;

/** A page of a listing, numbered from 0. */
public record PageRequest(int page, int size) {

    public long offset() {
        return (long) page * size;
    }
}
