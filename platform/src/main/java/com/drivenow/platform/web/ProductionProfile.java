package com.drivenow.platform.web;

import io.helidon.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The production profile every server shares: on with {@code DRIVENOW_PROFILE=production}
 * ({@code drivenow.profile}) or {@code security.production: true}. In it a server refuses to start
 * with a weak secret: judged by length and estimated entropy, not by a list of known values, so
 * {@code change-me} or a development token fails like any other guessable string.
 */
public final class ProductionProfile {

    /** Shortest secret accepted in production. */
    public static final int MIN_LENGTH = 32;
    /** Least estimated entropy (bits) of a secret accepted in production. */
    public static final double MIN_ENTROPY_BITS = 96;

    private ProductionProfile() {
    }

    public static boolean active(Config config) {
        return config.get("security.production").asBoolean().orElse(false)
                || "production".equalsIgnoreCase(config.get("drivenow.profile").asString().orElse(""));
    }

    /** What is weak about {@code secret} (configured as {@code key}); empty when it is strong enough. */
    public static Optional<String> weakness(String key, String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of(key + " is not set");
        }
        if (secret.length() < MIN_LENGTH) {
            return Optional.of(key + " is too short (" + secret.length() + " characters; at least " + MIN_LENGTH + ")");
        }
        double bits = entropyBits(secret);
        if (bits < MIN_ENTROPY_BITS) {
            return Optional.of(key + " is too predictable (about " + Math.round(bits) + " bits; at least "
                    + Math.round(MIN_ENTROPY_BITS) + "; use e.g. openssl rand -hex 24)");
        }
        return Optional.empty();
    }

    /**
     * In production, throws {@link InsecureConfigurationException} naming every weak internal secret
     * and every problem the caller adds; outside production does nothing.
     */
    public static void check(Config config, List<String> problems) {
        if (!active(config)) {
            return;
        }
        List<String> all = new ArrayList<>(problems);
        weakness("internal.token", config.get("internal.token").asString().orElse(null)).ifPresent(all::add);
        if (!all.isEmpty()) {
            throw new InsecureConfigurationException(all);
        }
    }

    /** Shannon entropy of the text's own character frequencies, times its length: a cautious estimate. */
    static double entropyBits(String text) {
        Map<Integer, Long> counts = text.codePoints().boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int length = text.codePointCount(0, text.length());
        double perCharacter = 0;
        for (long count : counts.values()) {
            double p = (double) count / length;
            perCharacter -= p * (Math.log(p) / Math.log(2));
        }
        return perCharacter * length;
    }
}
