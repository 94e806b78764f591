package com.drivenow.localstack.embedded;

import org.apache.qpid.server.SystemLauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An AMQP 0-9-1 broker inside the JVM (Apache Qpid Broker-J, in-memory store), for laptops and
 * tests. It speaks the same protocol as RabbitMQ for everything DriveNow uses; messages do not
 * survive {@link #stop()}, which the outbox makes harmless for events not yet published.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    public static final String USER = "guest";
    public static final String PASSWORD = "guest";

    private final int port;
    private final Path workDir;
    private SystemLauncher launcher;

    private EmbeddedAmqpBroker(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    /** Starts a broker on {@code port} (use {@link FreePorts#find()} for tests). */
    public static EmbeddedAmqpBroker start(int port, Path workDir) {
        EmbeddedAmqpBroker broker = new EmbeddedAmqpBroker(port, workDir);
        broker.startAgain();
        return broker;
    }

    /** Starts the broker after {@link #stop()}, on the same port, empty. */
    public synchronized void startAgain() {
        if (launcher != null) {
            return;
        }
        try {
            Files.createDirectories(workDir);
            URL config = EmbeddedAmqpBroker.class.getResource("qpid-config.json");
            Map<String, String> context = new HashMap<>();
            context.put("drivenow.amqp.port", Integer.toString(port));
            context.put("drivenow.amqp.user", USER);
            context.put("drivenow.amqp.password", PASSWORD);
            context.put("qpid.work_dir", workDir.toString());
            context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put("initialConfigurationLocation", config.toExternalForm());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", context);
            SystemLauncher started = new SystemLauncher();
            started.startup(attributes);
            launcher = started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded AMQP broker did not start on port " + port + ": " + e, e);
        }
    }

    /** Stops the broker: connections drop, queued messages are gone. */
    public synchronized void stop() {
        if (launcher != null) {
            launcher.shutdown();
            launcher = null;
        }
    }

    public synchronized boolean isRunning() {
        return launcher != null;
    }

    public int port() {
        return port;
    }

    public String uri() {
        // "/" is RabbitMQ's default virtual host; the embedded broker answers to it as well.
        return "amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/%2F";
    }

    @Override
    public void close() {
        stop();
    }
}
