package com.drivenow.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One DriveNow server running as its own Java process, as the launcher, the benchmark and the fault
 * suite start it; with the handles a fault suite needs: kill -9, its pid and its resident memory.
 */
public final class ServerProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final long startedNanos;

    private ServerProcess(String name, int port, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code jar} with {@code environment}; its output goes to {@code out}, each line prefixed with the name. */
    public static ServerProcess start(String name, Path jar, int port, Map<String, String> environment,
                                      List<String> javaOptions, PrintStream out) {
        ServerProcess server = launch(name, jar, port, environment, javaOptions, ProcessBuilder.Redirect.PIPE);
        Thread.ofVirtual().name("output-" + name).start(() -> server.copyOutput(out));
        return server;
    }

    /** Starts {@code jar} with {@code environment}; its output is appended to {@code log}. */
    public static ServerProcess start(String name, Path jar, int port, Map<String, String> environment,
                                      List<String> javaOptions, Path log) {
        return launch(name, jar, port, environment, javaOptions, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static ServerProcess launch(String name, Path jar, int port, Map<String, String> environment,
                                        List<String> javaOptions, ProcessBuilder.Redirect output) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xss512k"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(environment);
        try {
            long started = System.nanoTime();
            return new ServerProcess(name, port, builder.start(), started);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void copyOutput(PrintStream out) {
        String prefix = String.format("[%-9s] ", name);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(prefix + line);
            }
        } catch (IOException e) {
            // the process ended; nothing more to copy
        }
    }

    /** Waits until {@code GET /health} answers 200; returns the time from launch to healthy. */
    public Duration awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " during start; see its output");
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " did not become healthy on port " + port + " within " + timeout);
    }

    /** SIGKILL: no shutdown hook, no graceful close; whatever was in flight is cut. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, then SIGKILL when it has not stopped within {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until the process has ended (however it ended); returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** Resident set size in KiB, from {@code /proc/<pid>/status}. */
    public long residentKiB() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
