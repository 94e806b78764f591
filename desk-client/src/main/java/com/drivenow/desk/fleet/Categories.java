package com.drivenow.desk.fleet;

import java.util.List;

/** The car categories of the domain (PRODUCT.md). */
public final class Categories {

    public static final List<String> ALL = List.of("ECONOMY", "COMPACT", "MIDSIZE", "SUV", "VAN", "LUXURY");

    private Categories() {
    }
}
