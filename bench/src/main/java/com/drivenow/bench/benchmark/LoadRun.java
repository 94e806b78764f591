package com.drivenow.bench.benchmark;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** N virtual-thread clients calling one operation back to back for a fixed time, latency in a histogram. */
final class LoadRun {

    /** One call; true when it got the answer it wanted. */
    interface Operation {
        boolean call() throws Exception;
    }

    record Result(int clients, long succeeded, long failed, Duration elapsed, Histogram latencyMicros) {

        double perSecond() {
            return succeeded / (elapsed.toNanos() / 1e9);
        }

        Result plus(Result other) {
            Histogram latencies = latencyMicros.copy();
            latencies.add(other.latencyMicros);
            return new Result(clients, succeeded + other.succeeded, failed + other.failed,
                    elapsed.plus(other.elapsed), latencies);
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private LoadRun() {
    }

    /**
     * Runs {@code first} and {@code second} in alternating one-second slices for {@code duration} each;
     * returns their combined results in that order.
     */
    static Result[] alternate(int clients, Duration duration, Operation first, Operation second)
            throws InterruptedException {
        Result[] totals = new Result[2];
        Operation[] operations = {first, second};
        for (long slice = 0; slice < Math.max(1, duration.toSeconds()); slice++) {
            for (int i = 0; i < 2; i++) {
                Result result = run(clients, Duration.ofSeconds(1), operations[i]);
                totals[i] = totals[i] == null ? result : totals[i].plus(result);
            }
        }
        return totals;
    }

    static Result run(int clients, Duration duration, Operation operation) throws InterruptedException {
        Histogram all = new Histogram(60_000_000L, 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                Histogram own = new Histogram(60_000_000L, 3);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = operation.call();
                    } catch (Exception e) {
                        ok = false;
                    }
                    own.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                    (ok ? succeeded : failed).incrementAndGet();
                }
                synchronized (all) {
                    all.add(own);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(clients, succeeded.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start), all);
    }
}
