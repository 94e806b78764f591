package com.drivenow.inventory.fleet;

import com.drivenow.inventory.branch.Branch;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code branch.*} events: the whole branch after the change; consumers keep the highest version. */
public record BranchEvent(UUID eventId, String eventType, Instant occurredAt, String code, long version, Branch branch) {
}
