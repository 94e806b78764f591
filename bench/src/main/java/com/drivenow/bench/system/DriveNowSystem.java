package com.drivenow.bench.system;

import com.drivenow.localstack.ServerProcess;
import com.drivenow.localstack.embedded.FreePorts;
import com.drivenow.localstack.testing.TcpProxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system, each server its own process, on fresh databases and a fresh messaging
 * namespace, with the broker behind a {@link TcpProxy} so a test can cut it. Servers keep their
 * ports across restarts, so clients and the other servers find them again.
 */
public final class DriveNowSystem implements AutoCloseable {

    public static final String INTERNAL_TOKEN = "bench-internal-token-" + UUID.randomUUID();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final SystemSettings settings;
    private final Databases databases;
    private final String namespace;
    private final Map<Server, String> databaseNames = new EnumMap<>(Server.class);
    private final Map<Server, Integer> ports = new EnumMap<>(Server.class);
    private final Map<Server, ServerProcess> running = new EnumMap<>(Server.class);
    private final Map<Server, Duration> startTimes = new EnumMap<>(Server.class);
    private final TcpProxy brokerProxy;

    private DriveNowSystem(SystemSettings settings, String purpose) {
        this.settings = settings;
        this.databases = new Databases(settings.postgresAdminUrl());
        this.namespace = "bench." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
        URI broker = URI.create(settings.amqpUri());
        this.brokerProxy = TcpProxy.to(broker.getHost(), broker.getPort() > 0 ? broker.getPort() : 5672);
        databaseNames.put(Server.INVENTORY, databases.create(purpose + "_inventory"));
        databaseNames.put(Server.BOOKING, databases.create(purpose + "_booking"));
        for (Server server : Server.values()) {
            ports.put(server, FreePorts.find());
        }
    }

    /** Starts inventory, booking and gateway, each waiting for the previous to be healthy. */
    public static DriveNowSystem start(SystemSettings settings, String purpose) {
        DriveNowSystem system = new DriveNowSystem(settings, purpose);
        try {
            Files.createDirectories(settings.logs());
            for (Server server : Server.values()) {
                system.startServer(server);
            }
            return system;
        } catch (IOException e) {
            system.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public void startServer(Server server) {
        ServerProcess process = ServerProcess.start(server.module(), settings.jarOf(server.module()), ports.get(server),
                environmentOf(server), settings.serverJavaOptions(), settings.logs().resolve(namespace + "." + server.module() + ".log"));
        running.put(server, process);
        startTimes.put(server, process.awaitHealthy(START_TIMEOUT));
    }

    public void kill(Server server) {
        running.remove(server).kill();
    }

    public void cutBroker() {
        brokerProxy.cut();
    }

    public void restoreBroker() {
        brokerProxy.restore();
    }

    private Map<String, String> environmentOf(Server server) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.get(server)));
        env.put("MESSAGING_URI", proxiedAmqpUri());
        env.put("MESSAGING_NAMESPACE", namespace);
        env.put("INTERNAL_TOKEN", INTERNAL_TOKEN);
        switch (server) {
            case INVENTORY -> env.put("DB_CONNECTION_URL", databaseUrl(Server.INVENTORY));
            case BOOKING -> {
                env.put("DB_CONNECTION_URL", databaseUrl(Server.BOOKING));
                env.put("INVENTORY_URL", url(Server.INVENTORY).toString());
            }
            case GATEWAY -> {
                env.put("UPSTREAM_INVENTORY", url(Server.INVENTORY).toString());
                env.put("UPSTREAM_BOOKING", url(Server.BOOKING).toString());
                // The benchmark is one caller driving the system flat out; the per-caller limit would measure itself.
                env.put("LIMITS_CALLER_PERSECOND", "1000000");
                env.put("LIMITS_CALLER_BURST", "1000000");
                // Its clients sign in once for a run that can outlast the 15-minute default access token.
                env.put("SECURITY_JWT_TTL", "PT12H");
            }
        }
        return env;
    }

    private String proxiedAmqpUri() {
        URI broker = URI.create(settings.amqpUri());
        return broker.getScheme() + "://" + broker.getRawUserInfo() + "@127.0.0.1:" + brokerProxy.port()
                + (broker.getRawPath() == null ? "" : broker.getRawPath());
    }

    public URI url(Server server) {
        return URI.create("http://127.0.0.1:" + ports.get(server));
    }

    /** JDBC URL of the inventory's or the booking server's database. */
    public String databaseUrl(Server server) {
        return databases.urlOf(databaseNames.get(server));
    }

    public String namespace() {
        return namespace;
    }

    /** The broker itself, not the proxy: for the test's own subscribers and checks. */
    public String amqpUri() {
        return settings.amqpUri();
    }

    public ServerProcess process(Server server) {
        return running.get(server);
    }

    /** Launch to healthy, of the latest start of {@code server}. */
    public Duration startTime(Server server) {
        return startTimes.get(server);
    }

    public Databases databases() {
        return databases;
    }

    /** Stops the servers (gateway first), closes the proxy and drops the databases. */
    @Override
    public void close() {
        for (Server server : List.of(Server.values()).reversed()) {
            ServerProcess process = running.remove(server);
            if (process != null) {
                process.stop(Duration.ofSeconds(10));
            }
        }
        brokerProxy.close();
        databaseNames.values().forEach(databases::drop);
    }
}
