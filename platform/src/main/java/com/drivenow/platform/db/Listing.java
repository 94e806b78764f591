package com.drivenow.platform.db;

import com.drivenow.platform.web.Page;
import com.drivenow.platform.web.PageRequest;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A paged listing of one table: the conditions a search adds one by one (each with its values), then
 * the total and one page over them. Every list endpoint filters, counts and pages the same way.
 */
public final class Listing {

    private final String table;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public Listing(String table) {
        this.table = table;
    }

    /** Adds {@code condition} with one {@code ?} per value. */
    public Listing where(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(params, values);
        return this;
    }

    /** A LIKE pattern that finds {@code text} anywhere, its own {@code %}, {@code _} and {@code \} taken literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The total and the page; {@code orderBy} must make the order total, so pages never overlap or skip. */
    public <T> Page<T> page(DbExecute db, String columns, String orderBy, PageRequest page, Function<DbRow, T> read) {
        String filter = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = db.get("SELECT count(*) AS n FROM " + table + filter, params.toArray())
                .map(row -> Rows.longValue(row, "n")).orElse(0L);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        try (Stream<DbRow> rows = db.query("SELECT " + columns + " FROM " + table + filter + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?", pageParams.toArray())) {
            return Page.of(rows.map(read).toList(), page, total);
        }
    }
}
