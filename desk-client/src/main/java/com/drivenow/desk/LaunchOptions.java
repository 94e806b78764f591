package com.drivenow.desk;

import java.util.List;
import java.util.Optional;

/** Command-line options: {@code --gateway=URL} and {@code --self-check}. */
public record LaunchOptions(Optional<String> gateway, boolean selfCheck) {

    public static LaunchOptions parse(List<String> args) {
        Optional<String> gateway = args.stream()
                .filter(a -> a.startsWith("--gateway="))
                .map(a -> a.substring("--gateway=".length()))
                .reduce((first, second) -> second);
        return new LaunchOptions(gateway, args.contains("--self-check"));
    }

    /** The command line wins, then what the desk remembered, then the local default. */
    public String gatewayOr(DeskPreferences preferences) {
        return gateway.orElseGet(preferences::gateway);
    }
}
