package com.drivenow.inventory.car;

import java.util.Optional;

/** The listing's filters; {@code text} matches plate, make or model, ignoring case. */
public record CarFilter(Optional<CarStatus> status, Optional<Category> category, Optional<String> location,
                        Optional<String> text) {
}
