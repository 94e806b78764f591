package com.drivenow.platform.audit;

import com.drivenow.platform.db.Listing;
import com.drivenow.platform.db.Rows;
import com.drivenow.platform.web.Page;
import com.drivenow.platform.web.PageRequest;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The audit table of one server's database: appends entries, and finds them newest first. */
public final class AuditTrail {

    private static final String COLUMNS = "id, at, actor, actor_kind, roles, method, path, status, resource, resource_id, request_id";

    private final DbClient db;
    private final String server;

    public AuditTrail(DbClient db, String server) {
        this.db = db;
        this.server = server;
    }

    /** What may narrow a search; every part optional. */
    public record Criteria(Optional<String> actor, Optional<String> resource, Optional<String> resourceId,
                           Optional<String> requestId, Optional<Instant> from, Optional<Instant> to) {
    }

    void record(String actor, String actorKind, String roles, String method, String path, int status,
                String resource, String resourceId, String requestId) {
        db.execute().insert("INSERT INTO audit_entry (actor, actor_kind, roles, method, path, status, resource, "
                        + "resource_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                actor, actorKind, roles, method, path, status, resource, resourceId, requestId);
    }

    public Page<AuditEntry> find(Criteria criteria, PageRequest page) {
        Listing listing = new Listing("audit_entry");
        criteria.actor().ifPresent(v -> listing.where("actor = ?", v));
        criteria.resource().ifPresent(v -> listing.where("resource = ?", v));
        criteria.resourceId().ifPresent(v -> listing.where("resource_id = ?", v));
        criteria.requestId().ifPresent(v -> listing.where("request_id = ?", v));
        criteria.from().ifPresent(v -> listing.where("at >= ?", Rows.utc(v)));
        criteria.to().ifPresent(v -> listing.where("at < ?", Rows.utc(v)));
        return listing.page(db.execute(), COLUMNS, "at DESC, id DESC", page, this::read);
    }

    private AuditEntry read(DbRow row) {
        String roles = Rows.text(row, "roles");
        return new AuditEntry(Rows.longValue(row, "id"), Rows.instant(row, "at"), Rows.text(row, "actor"),
                Rows.text(row, "actor_kind"), roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                Rows.text(row, "method"), Rows.text(row, "path"), Rows.intValue(row, "status"),
                Rows.text(row, "resource"), Rows.text(row, "resource_id"), Rows.text(row, "request_id"), server);
    }
}
