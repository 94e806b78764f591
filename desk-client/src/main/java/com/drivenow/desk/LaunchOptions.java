package com.drivenow.desk;

import com.drivenow.desk.api.TrustedCa;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options: {@code --gateway=URL}, {@code --ca=PATH} (the PEM CA certificate an HTTPS
 * gateway's certificate comes from, when it is not a public one) and {@code --self-check}.
 */
public record LaunchOptions(Optional<String> gateway, Optional<Path> ca, boolean selfCheck) {

    public static LaunchOptions parse(List<String> args) {
        return new LaunchOptions(value(args, "--gateway=").filter(s -> !s.isBlank()),
                value(args, "--ca=").filter(s -> !s.isBlank()).map(Path::of), args.contains("--self-check"));
    }

    /** The command line wins, then what the desk remembered, then the local default. */
    public String gatewayOr(DeskPreferences preferences) {
        return gateway.orElseGet(preferences::gateway);
    }

    /** The HTTPS trust of {@code --ca}; empty: the JDK's public CAs. */
    public Optional<SSLContext> trust() {
        return ca.map(TrustedCa::from);
    }

    private static Optional<String> value(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .reduce((first, second) -> second);
    }
}
