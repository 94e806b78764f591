package com.drivenow.platform.db;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Deletes rows that have served their purpose, table by table, in small batches so that no delete
 * holds many locks: every {@code retention.interval}, each {@link Rule} removes the rows older than
 * its window. The windows live in each server's application.yaml; without {@code retention.interval}
 * (tests that configure a server key by key) nothing is purged.
 */
public final class RetentionJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    private static final int BATCH = 5000;

    /** Rows of {@code table} whose {@code timestampColumn} is older than {@code keep} (and meet {@code condition}). */
    public record Rule(String table, String timestampColumn, String condition, Duration keep) {

        String deleteBatch() {
            String where = timestampColumn + " < ?" + (condition.isBlank() ? "" : " AND " + condition);
            return "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table + " WHERE " + where
                    + " LIMIT " + BATCH + "))";
        }
    }

    /** The platform's own table, which events a consumer has applied: {@code retention.processedevents}. */
    public static Rule processedEvents(Config retention) {
        return new Rule("processed_event", "processed_at", "", window(retention, "processedevents"));
    }

    /** A window of {@code retention.<key>}. */
    public static Duration window(Config retention, String key) {
        return retention.get(key).as(Duration.class).get();
    }

    private final DbClient db;
    private final List<Rule> rules;
    private final Clock clock;
    private final ScheduledExecutorService schedule;

    RetentionJob(DbClient db, List<Rule> rules, Clock clock) {
        this.db = db;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("retention").factory());
    }

    /** Starts purging every {@code retention.interval}; empty when the configuration names none. */
    public static Optional<RetentionJob> start(DbClient db, Config retention, Function<Config, List<Rule>> rules) {
        Optional<Duration> interval = retention.get("interval").as(Duration.class).asOptional();
        return interval.map(every -> {
            List<Rule> configured = rules.apply(retention);
            LOG.log(Level.INFO, "Retention every {0}: {1}", every, configured);
            RetentionJob job = new RetentionJob(db, configured, Clock.systemUTC());
            job.schedule.scheduleWithFixedDelay(job::runSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            return job;
        });
    }

    /** One pass over every rule; the number of rows deleted. */
    public long runOnce() {
        Instant now = clock.instant();
        long total = 0;
        for (Rule rule : rules) {
            long deleted;
            do {
                deleted = db.execute().dml(rule.deleteBatch(), Rows.utc(now.minus(rule.keep())));
                total += deleted;
            } while (deleted == BATCH);
        }
        return total;
    }

    private void runSafely() {
        try {
            long deleted = runOnce();
            if (deleted > 0) {
                LOG.log(Level.INFO, "Retention deleted {0} rows", deleted);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention pass failed; next pass at the next interval", e);
        }
    }

    /** For tests: a job that runs only when asked. */
    public static RetentionJob manual(DbClient db, List<Rule> rules, Clock clock) {
        return new RetentionJob(db, rules, clock);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
