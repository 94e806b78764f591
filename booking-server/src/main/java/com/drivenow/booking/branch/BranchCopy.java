package com.drivenow.booking.branch;

import com.drivenow.platform.db.Rows;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.dbclient.DbExecute;

import java.io.UncheckedIOException;
import java.util.Optional;

/** The {@code fleet_branch} table: the booking server's copy of the branches, newest version wins. */
public final class BranchCopy {

    /** Stores {@code branch} unless the same or a newer version is known; true when the copy changed. */
    public boolean save(DbExecute db, BranchRules branch) {
        return db.createInsert("INSERT INTO fleet_branch (code, version, branch_json) "
                        + "VALUES (:code, :version, CAST(:json AS jsonb)) ON CONFLICT (code) DO UPDATE SET "
                        + "version = EXCLUDED.version, branch_json = EXCLUDED.branch_json, updated_at = now() "
                        + "WHERE fleet_branch.version < EXCLUDED.version")
                .addParam("code", branch.code())
                .addParam("version", branch.version())
                .addParam("json", branch.json().toString())
                .execute() > 0;
    }

    public Optional<BranchRules> find(DbExecute db, String code) {
        return db.createGet("SELECT branch_json FROM fleet_branch WHERE code = :code").addParam("code", code)
                .execute()
                .map(row -> {
                    try {
                        return BranchRules.fromJson(Json.mapper().readTree(Rows.text(row, "branch_json")));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
