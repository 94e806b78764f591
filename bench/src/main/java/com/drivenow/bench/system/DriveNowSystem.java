package com.drivenow.bench.system;

import com.drivenow.localstack.ServerProcess;
import com.drivenow.localstack.embedded.FreePorts;
import com.drivenow.localstack.testing.TcpProxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system, each server its own process, on fresh databases and a fresh messaging
 * namespace, with the broker behind a {@link TcpProxy} so a test can cut it. A server may run as
 * several {@link Instance}s: they share its database and the namespace (so they consume the same
 * queues and relay the same outbox). Each booking server is given every inventory instance's URL
 * (its own number's first) and each gateway every booking and inventory instance's: they take them
 * by turns and fail over when one is down. Instances keep their ports across restarts, so clients
 * and the other servers find them again.
 */
public final class DriveNowSystem implements AutoCloseable {

    public static final String INTERNAL_TOKEN = "bench-internal-token-" + UUID.randomUUID();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Database connections of each instance of a server that runs as several. */
    private static final int REPLICA_POOL_SIZE = 6;

    private final SystemSettings settings;
    private final Databases databases;
    private final String namespace;
    private final Map<Server, String> databaseNames = new EnumMap<>(Server.class);
    /** Every instance, in start order: by server, then by number. */
    private final List<Instance> instances = new ArrayList<>();
    private final Map<Instance, Integer> ports = new HashMap<>();
    private final Map<Instance, ServerProcess> running = new HashMap<>();
    private final Map<Instance, Duration> startTimes = new HashMap<>();
    private final TcpProxy brokerProxy;

    private DriveNowSystem(SystemSettings settings, String purpose, Map<Server, Integer> instanceCounts) {
        this.settings = settings;
        this.databases = new Databases(settings.postgresAdminUrl());
        this.namespace = "bench." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
        URI broker = URI.create(settings.amqpUri());
        this.brokerProxy = TcpProxy.to(broker.getHost(), broker.getPort() > 0 ? broker.getPort() : 5672);
        databaseNames.put(Server.INVENTORY, databases.create(purpose + "_inventory"));
        databaseNames.put(Server.BOOKING, databases.create(purpose + "_booking"));
        for (Server server : Server.values()) {
            for (int number = 1; number <= instanceCounts.getOrDefault(server, 1); number++) {
                Instance instance = new Instance(server, number);
                instances.add(instance);
                ports.put(instance, FreePorts.find());
            }
        }
    }

    /** How long a server may take to stop after SIGTERM before it is killed (its grace period is PT20S). */
    public static final Duration STOP_PATIENCE = Duration.ofSeconds(25);

    /** Starts one instance each of inventory, booking and gateway, each waiting for the previous to be healthy. */
    public static DriveNowSystem start(SystemSettings settings, String purpose) {
        return start(settings, purpose, Map.of());
    }

    /**
     * Starts {@code instanceCounts} instances of each server (one of a server not named), in the
     * order of {@link Server}: a server's instances side by side, each server once the previous
     * one's are healthy.
     */
    public static DriveNowSystem start(SystemSettings settings, String purpose, Map<Server, Integer> instanceCounts) {
        DriveNowSystem system = new DriveNowSystem(settings, purpose, instanceCounts);
        try {
            Files.createDirectories(settings.logs());
            for (Server server : Server.values()) {
                List<Instance> replicas = system.instances(server);
                replicas.forEach(system::launch);
                replicas.forEach(system::awaitHealthy);
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

    /** Starts {@code instance} (again, after a kill or a stop) and waits until it is healthy. */
    public void start(Instance instance) {
        launch(instance);
        awaitHealthy(instance);
    }

    private void launch(Instance instance) {
        String module = instance.server().module();
        ServerProcess process = ServerProcess.start(instance.name(), settings.jarOf(module), ports.get(instance),
                environmentOf(instance), settings.serverJavaOptions(),
                settings.logs().resolve(namespace + "." + instance.name() + ".log"));
        running.put(instance, process);
    }

    private void awaitHealthy(Instance instance) {
        startTimes.put(instance, running.get(instance).awaitHealthy(START_TIMEOUT));
    }

    /** kill -9 of {@code instance}. */
    public void kill(Instance instance) {
        running.remove(instance).kill();
    }

    /**
     * SIGTERM to {@code instance}, and waits until it has exited (killed after {@link #STOP_PATIENCE});
     * returns how long it took to stop.
     */
    public Duration stop(Instance instance) {
        long started = System.nanoTime();
        running.remove(instance).stop(STOP_PATIENCE);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The instances of {@code server}, by number. */
    public List<Instance> instances(Server server) {
        return instances.stream().filter(instance -> instance.server() == server).toList();
    }

    public void cutBroker() {
        brokerProxy.cut();
    }

    public void restoreBroker() {
        brokerProxy.restore();
    }

    private Map<String, String> environmentOf(Instance instance) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.get(instance)));
        env.put("MESSAGING_URI", proxiedAmqpUri());
        env.put("MESSAGING_NAMESPACE", namespace);
        env.put("INTERNAL_TOKEN", INTERNAL_TOKEN);
        if (instances(instance.server()).size() > 1) {
            // Each pool opens all its connections at once; six servers of 16 would take most of a
            // PostgreSQL's default 100, which the machine shares.
            env.put("DB_POOL_SIZE", Integer.toString(REPLICA_POOL_SIZE));
        }
        switch (instance.server()) {
            case INVENTORY -> env.put("DB_CONNECTION_URL", sessionsNamed(databaseUrl(Server.INVENTORY), instance));
            case BOOKING -> {
                env.put("DB_CONNECTION_URL", sessionsNamed(databaseUrl(Server.BOOKING), instance));
                env.put("INVENTORY_URL", urlList(Server.INVENTORY, instance.number()));
            }
            case GATEWAY -> {
                env.put("UPSTREAM_INVENTORY", urlList(Server.INVENTORY, instance.number()));
                env.put("UPSTREAM_BOOKING", urlList(Server.BOOKING, instance.number()));
                // The benchmark is one caller driving the system flat out; the per-caller limit would measure itself.
                env.put("LIMITS_CALLER_PERSECOND", "1000000");
                env.put("LIMITS_CALLER_BURST", "1000000");
                // Its clients sign in once for a run that can outlast the 15-minute default access token.
                env.put("SECURITY_JWT_TTL", "PT12H");
            }
        }
        return env;
    }

    /** The instance's database sessions carry its name (pg_stat_activity.application_name), so a fault can find them. */
    private static String sessionsNamed(String jdbcUrl, Instance instance) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + instance.name();
    }

    private String proxiedAmqpUri() {
        URI broker = URI.create(settings.amqpUri());
        return broker.getScheme() + "://" + broker.getRawUserInfo() + "@127.0.0.1:" + brokerProxy.port()
                + (broker.getRawPath() == null ? "" : broker.getRawPath());
    }

    /** Every instance's URL, comma-separated, starting with instance {@code first} (or the last, when there are fewer). */
    private String urlList(Server server, int first) {
        List<Instance> replicas = instances(server);
        int start = Math.min(first, replicas.size()) - 1;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            urls.add(url(replicas.get((start + i) % replicas.size())).toString());
        }
        return String.join(",", urls);
    }

    /** The URL of the first instance of {@code server}. */
    public URI url(Server server) {
        return url(Instance.first(server));
    }

    /** The URLs of every instance of {@code server}, by number. */
    public List<URI> urls(Server server) {
        return instances(server).stream().map(this::url).toList();
    }

    public URI url(Instance instance) {
        return URI.create("http://127.0.0.1:" + ports.get(instance));
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

    public ServerProcess process(Instance instance) {
        return running.get(instance);
    }

    /** Launch to healthy, of the latest start of {@code instance}. */
    public Duration startTime(Instance instance) {
        return startTimes.get(instance);
    }

    public Databases databases() {
        return databases;
    }

    /** Stops the servers (the last started first), closes the proxy and drops the databases. */
    @Override
    public void close() {
        for (Instance instance : instances.reversed()) {
            ServerProcess process = running.remove(instance);
            if (process != null) {
                process.stop(Duration.ofSeconds(10));
            }
        }
        brokerProxy.close();
        databaseNames.values().forEach(databases::drop);
    }
}
