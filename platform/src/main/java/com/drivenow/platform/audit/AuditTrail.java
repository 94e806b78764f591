package com.drivenow.platform.audit;

import com.drivenow.platform.db.Rows;
import com.drivenow.platform.web.Page;
import com.drivenow.platform.web.PageRequest;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.util.ArrayList;
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
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        criteria.actor().ifPresent(v -> add(where, params, "actor = ?", v));
        criteria.resource().ifPresent(v -> add(where, params, "resource = ?", v));
        criteria.resourceId().ifPresent(v -> add(where, params, "resource_id = ?", v));
        criteria.requestId().ifPresent(v -> add(where, params, "request_id = ?", v));
        criteria.from().ifPresent(v -> add(where, params, "at >= ?", Rows.utc(v)));
        criteria.to().ifPresent(v -> add(where, params, "at < ?", Rows.utc(v)));
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = db.execute().get("SELECT count(*) AS n FROM audit_entry" + filter, params.toArray())
                .map(row -> Rows.longValue(row, "n")).orElse(0L);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEntry> items = db.execute()
                .query("SELECT " + COLUMNS + " FROM audit_entry" + filter + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                        pageParams.toArray())
                .map(this::read)
                .toList();
        return Page.of(items, page, total);
    }

    private AuditEntry read(DbRow row) {
        String roles = Rows.text(row, "roles");
        return new AuditEntry(Rows.longValue(row, "id"), Rows.instant(row, "at"), Rows.text(row, "actor"),
                Rows.text(row, "actor_kind"), roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                Rows.text(row, "method"), Rows.text(row, "path"), Rows.intValue(row, "status"),
                Rows.text(row, "resource"), Rows.text(row, "resource_id"), Rows.text(row, "request_id"), server);
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        where.add(condition);
        params.add(value);
    }
}
