package com.drivenow.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One successful state-changing call: who ({@code actor}, {@code actorKind}, {@code roles}), what
 * ({@code method} {@code path}, answered {@code status}), on which {@code resource} ("bookings", "cars")
 * and {@code resourceId}, when, with which {@code requestId}, recorded by which {@code server}.
 */
public record AuditEntry(long id, Instant at, String actor, String actorKind, List<String> roles, String method,
                         String path, int status, String resource, String resourceId, String requestId,
                         String server) {
}
