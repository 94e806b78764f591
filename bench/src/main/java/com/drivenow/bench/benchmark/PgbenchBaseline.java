package com.drivenow.bench.benchmark;

import com.drivenow.bench.system.Databases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical limit: the transaction a booking create commits (overdue check, booking row, outbox
 * row, under the exclusion constraint) driven by pgbench against the same PostgreSQL, in a copy of
 * the booking schema so no relay publishes its rows. Car ids are random, so windows never collide.
 */
final class PgbenchBaseline implements AutoCloseable {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String CAR = "md5(:client_id || '-' || :n)::uuid";
    private static final String SCRIPT = """
            \\set n random(1, 2000000000)
            \\set day random(1, 700)
            BEGIN;
            SELECT 1 FROM booking WHERE car_id = %1$s AND status = 'ACTIVE' AND tstzrange(starts_at, greatest(ends_at, now()), '[)') && tstzrange(now() + :day * interval '1 day', now() + :day * interval '1 day' + interval '1 hour', '[)');
            INSERT INTO booking (id, car_id, car_plate, car_make, car_model, customer_name, customer_email, customer_phone, customer_license, starts_at, ends_at, status, daily_rate, currency, days, late_days, availability_check, mileage_out_km, mileage_in_km, fuel_percent, cancel_reason, attention_reason, sequence, created_at, picked_up_at, returned_at, cancelled_at, created_by, created_by_integration) VALUES (gen_random_uuid(), %1$s, 'B-PG-1', 'Bench', 'Load', 'Bench Customer', 'bench@example.com', '+49 30 1234567', 'B0123456789', now() + :day * interval '1 day', now() + :day * interval '1 day' + interval '1 hour', 'RESERVED', 49.00, 'EUR', 1, 0, 'LIVE', NULL, NULL, NULL, NULL, NULL, 1, now(), NULL, NULL, NULL, 'agent', false);
            INSERT INTO outbox_message (id, exchange, routing_key, message_type, payload, request_id) VALUES (gen_random_uuid(), 'pgbench.booking', 'booking.created', 'booking.created', repeat('x', 1400), 'pgbench');
            END;
            """.formatted(CAR);

    private final Databases databases;
    private final String database;
    private final URI server;
    private final Path script;

    /** Copies the schema (not the data) of {@code bookingDatabase} into a new database. */
    PgbenchBaseline(Databases databases, String bookingDatabaseUrl) {
        this.databases = databases;
        this.database = databases.create("pgbench");
        this.server = URI.create(bookingDatabaseUrl.substring("jdbc:".length()));
        try {
            this.script = Files.createTempFile("booking-create", ".pgbench");
            Files.writeString(script, SCRIPT);
            Path schema = Files.createTempFile("booking-schema", ".sql");
            exec(List.of("pg_dump", "--schema-only", "--no-owner", "-h", server.getHost(), "-p", port(), "-U", "postgres",
                    "-f", schema.toString(), server.getPath().substring(1)));
            exec(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.getHost(), "-p", port(), "-U", "postgres",
                    "-d", database, "-f", schema.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Transactions per second with {@code clients} connections for {@code duration}. */
    double transactionsPerSecond(int clients, Duration duration) {
        String output = exec(List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(clients), "-T", Long.toString(duration.toSeconds()), "-f", script.toString(),
                "-h", server.getHost(), "-p", port(), "-U", "postgres", database));
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private String port() {
        return Integer.toString(server.getPort() > 0 ? server.getPort() : 5432);
    }

    private static String exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        databases.drop(database);
    }
}
