package com.drivenow.inventory.branch;

import com.drivenow.platform.db.Rows;
import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code branch} table. Updates are conditional on the version read, like the cars'. */
final class BranchRepository {

    private static final String COLUMNS = "code, name, address, time_zone, country, currency, opening_hours, "
            + "closed_dates, after_hours_returns, after_hours_fee, version, created_at, updated_at";
    private static final String VALUES = "name = :name, address = :address, time_zone = :time_zone, "
            + "country = :country, currency = :currency, opening_hours = CAST(:opening_hours AS jsonb), "
            + "closed_dates = CAST(:closed_dates AS jsonb), after_hours_returns = :after_hours_returns, "
            + "after_hours_fee = :after_hours_fee";
    private static final TypeReference<List<LocalDate>> DATES = new TypeReference<>() { };

    List<Branch> all(DbExecute db) {
        return db.createQuery("SELECT " + COLUMNS + " FROM branch ORDER BY code").execute()
                .map(BranchRepository::read).toList();
    }

    Optional<Branch> find(DbExecute db, String code) {
        return db.createGet("SELECT " + COLUMNS + " FROM branch WHERE code = :code").addParam("code", code)
                .execute().map(BranchRepository::read);
    }

    Branch insert(DbTransaction tx, BranchSpec spec) {
        return tx.createGet("INSERT INTO branch (code, name, address, time_zone, country, currency, opening_hours, "
                        + "closed_dates, after_hours_returns, after_hours_fee) VALUES (:code, :name, :address, "
                        + ":time_zone, :country, :currency, CAST(:opening_hours AS jsonb), CAST(:closed_dates AS jsonb), "
                        + ":after_hours_returns, :after_hours_fee) RETURNING " + COLUMNS)
                .params(params(spec)).execute().map(BranchRepository::read).orElseThrow();
    }

    /** Writes the new fields if the branch is still at {@code version}; empty otherwise. */
    Optional<Branch> update(DbTransaction tx, BranchSpec spec, long version) {
        Map<String, Object> params = params(spec);
        params.put("version", version);
        return tx.createGet("UPDATE branch SET " + VALUES + ", version = version + 1, updated_at = now() "
                        + "WHERE code = :code AND version = :version RETURNING " + COLUMNS)
                .params(params).execute().map(BranchRepository::read);
    }

    private static Map<String, Object> params(BranchSpec spec) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", spec.code());
        params.put("name", spec.name());
        params.put("address", spec.address());
        params.put("time_zone", spec.timeZone().getId());
        params.put("country", spec.country());
        params.put("currency", spec.currency());
        params.put("opening_hours", Json.write(spec.openingHours()));
        params.put("closed_dates", Json.write(spec.closedDates()));
        params.put("after_hours_returns", spec.afterHoursReturns());
        params.put("after_hours_fee", spec.afterHoursFee());
        return params;
    }

    private static Branch read(DbRow row) {
        try {
            return new Branch(Rows.text(row, "code"), Rows.text(row, "name"), Rows.text(row, "address"),
                    Rows.text(row, "time_zone"), Rows.text(row, "country"), Rows.text(row, "currency"),
                    Json.mapper().readValue(Rows.text(row, "opening_hours"), OpeningHours.class),
                    Json.mapper().readValue(Rows.text(row, "closed_dates"), DATES),
                    Boolean.TRUE.equals(row.column("after_hours_returns").get()),
                    Rows.decimal(row, "after_hours_fee").setScale(2).toPlainString(),
                    Rows.longValue(row, "version"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
