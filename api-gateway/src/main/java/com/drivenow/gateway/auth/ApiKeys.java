package com.drivenow.gateway.auth;

import io.helidon.config.Config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The integrations' API keys of {@code security.apikeys}, stored as SHA-256 hex digests: keys are
 * long random strings, so a fast hash is enough and the configuration never holds a usable key.
 */
public final class ApiKeys {

    public record ApiKey(String name, String sha256, List<Role> roles) {
    }

    private final Map<String, ApiKey> bySha256;

    ApiKeys(List<ApiKey> keys) {
        this.bySha256 = keys.stream().collect(Collectors.toUnmodifiableMap(
                k -> k.sha256().toLowerCase(java.util.Locale.ROOT), Function.identity()));
    }

    public static ApiKeys from(Config keys) {
        return new ApiKeys(keys.asNodeList().orElse(List.of()).stream()
                .map(node -> new ApiKey(node.get("name").asString().get(), node.get("sha256").asString().get(),
                        node.get("roles").asList(String.class).get().stream().map(Role::parse).toList()))
                .toList());
    }

    public Optional<Principal> verify(String presentedKey) {
        ApiKey key = bySha256.get(sha256Hex(presentedKey));
        return Optional.ofNullable(key)
                .map(k -> new Principal(k.name(), k.name(), Set.copyOf(k.roles()), true));
    }

    public boolean accepts(String key) {
        return bySha256.containsKey(sha256Hex(key));
    }

    public static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
