package com.drivenow.gateway;

import com.drivenow.gateway.auth.ApiKeys;
import com.drivenow.gateway.auth.AuthenticationFilter;
import com.drivenow.gateway.auth.Authenticator;
import com.drivenow.gateway.auth.DemoSecrets;
import com.drivenow.gateway.auth.JwtTokens;
import com.drivenow.gateway.auth.LoginService;
import com.drivenow.gateway.auth.LoginThrottle;
import com.drivenow.gateway.auth.Sessions;
import com.drivenow.gateway.auth.Unauthenticated;
import com.drivenow.gateway.auth.UserAccounts;
import com.drivenow.gateway.events.BrokerEventListener;
import com.drivenow.gateway.events.EventStreamService;
import com.drivenow.gateway.events.LiveEventHub;
import com.drivenow.gateway.events.StreamCaps;
import com.drivenow.gateway.guards.BodyReader;
import com.drivenow.gateway.guards.ClientAddress;
import com.drivenow.gateway.guards.BodySizeFilter;
import com.drivenow.gateway.guards.CorsFilter;
import com.drivenow.gateway.guards.JsonBodyFilter;
import com.drivenow.gateway.guards.RateLimitFilter;
import com.drivenow.gateway.guards.RateLimiter;
import com.drivenow.gateway.guards.TooManyRequests;
import com.drivenow.gateway.observe.AccessLogFilter;
import com.drivenow.gateway.observe.UpstreamHealthCheck;
import com.drivenow.gateway.openapi.OpenApiService;
import com.drivenow.gateway.routing.AuditFanOut;
import com.drivenow.gateway.routing.ProxyRoutes;
import com.drivenow.gateway.routing.Upstream;
import com.drivenow.gateway.routing.UpstreamClient;
import com.drivenow.platform.config.ServerDefaults;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.lifecycle.Drain;
import com.drivenow.platform.lifecycle.GracefulShutdown;
import com.drivenow.platform.messaging.BrokerConnection;
import com.drivenow.platform.messaging.MessagingTopology;
import com.drivenow.platform.web.ObserveEndpoints;
import com.drivenow.platform.web.ProductionProfile;
import com.drivenow.platform.web.ProblemDirectHandler;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.RequestIdFilter;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;
import io.helidon.http.media.MediaContext;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.ObserveFeature;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running gateway: builds every part from configuration and owns their life cycle. Other modules'
 * tests start it in-process with {@link #start(Config)}; keys they leave out come from the gateway's
 * own application.yaml.
 */
public final class GatewayServer implements AutoCloseable {

    private final WebServer server;
    private final LiveEventHub hub;
    private final BrokerEventListener listener;
    private final BrokerConnection broker;
    private final GracefulShutdown shutdown;

    private GatewayServer(WebServer server, LiveEventHub hub, BrokerEventListener listener, BrokerConnection broker,
                          Drain drain, Duration grace) {
        this.server = server;
        this.hub = hub;
        this.listener = listener;
        this.broker = broker;
        // Live streams end first (desks resume with Last-Event-ID), so only real requests are waited for.
        this.shutdown = new GracefulShutdown("api-gateway", grace)
                .then("drain", drain::begin)
                .then("live-event streams", hub::close)
                .then("live-event feed", listener::close)
                .then("requests in flight", left -> drain.awaitIdle(left))
                .then("web server", server::stop)
                .then("broker", broker::close);
    }

    public static GatewayServer start(Config overrides) {
        Config config = ServerDefaults.under(GatewayServer.class, overrides);
        Config security = config.get("security");
        UserAccounts users = UserAccounts.from(security.get("users"));
        ApiKeys apiKeys = ApiKeys.from(security.get("apikeys"));
        String jwtSecret = security.get("jwt.secret").asString().get();
        String internalToken = config.get("internal.token").asString().get();
        Optional<Tls> tls = GatewayTls.from(config.get("tls"));
        ClientAddress addresses = ClientAddress.of(config.get("limits.trustedproxies").asString().orElse(""));
        if (ProductionProfile.active(config)) {
            List<String> problems = new ArrayList<>(DemoSecrets.inUse(jwtSecret, internalToken, users, apiKeys));
            ProductionProfile.weakness("security.jwt.secret", jwtSecret).ifPresent(problems::add);
            if (tls.isEmpty() && !addresses.behindProxy()) {
                problems.add("the gateway would serve plain HTTP: give it tls.certificate and tls.key (or tls.keystore),"
                        + " or name the TLS proxy in front of it in limits.trustedproxies");
            }
            ProductionProfile.check(config, problems);
        }
        Clock clock = Clock.systemUTC();
        Duration accessTtl = security.get("jwt.ttl").as(Duration.class).get();
        JwtTokens tokens = new JwtTokens(jwtSecret, accessTtl, security.get("jwt.issuer").asString().get(), clock);
        Sessions sessions = new Sessions(security.get("refresh.ttl").as(Duration.class).get(), accessTtl,
                security.get("refresh.maxsessions").asInt().get(), clock);

        Map<Upstream, UpstreamClient> clients = new EnumMap<>(Upstream.class);
        Config upstream = config.get("upstream");
        for (Upstream target : Upstream.values()) {
            clients.put(target, new UpstreamClient(target, upstream.get(target.configKey()).asString().get(),
                    upstream.get("connecttimeout").as(Duration.class).get(),
                    upstream.get("readtimeout").as(Duration.class).get(), internalToken));
        }

        Config events = config.get("events");
        LiveEventHub hub = new LiveEventHub(events.get("buffer").asInt().get(), events.get("clientqueue").asInt().get());
        BrokerConnection broker = new BrokerConnection(config.get("messaging.uri").asString().get(), "api-gateway",
                new MessagingTopology(config.get("messaging.namespace").asString().get()));
        BrokerEventListener listener = new BrokerEventListener(broker, hub, events.get("retry").as(Duration.class).get());

        Config limits = config.get("limits");
        long maxKeys = limits.get("keys").asLong().get();
        RateLimitFilter rateLimits = new RateLimitFilter(new RateLimiter(policy(limits.get("caller"), maxKeys)),
                new RateLimiter(policy(limits.get("anonymous"), maxKeys)),
                new RateLimiter(policy(limits.get("login"), maxKeys)), addresses);
        CorsFilter cors = new CorsFilter(new HashSet<>(config.get("cors.origins").asList(String.class).orElse(List.of())));
        Authenticator authenticator = new Authenticator(tokens, apiKeys, users, sessions);
        BodyReader bodies = new BodyReader(limits.get("bodybytes").asLong().get());
        LoginService login = new LoginService(users, tokens, sessions, throttle(security.get("login"), clock), bodies,
                clock);
        EventStreamService stream = new EventStreamService(hub, events.get("heartbeat").as(Duration.class).get(),
                new StreamCaps(events.get("maxstreamspercaller").asInt().get(), events.get("maxstreams").asInt().get()),
                principal -> authenticator.refusal(principal) == null, clock);
        Duration probeTimeout = upstream.get("healthtimeout").as(Duration.class).get();

        OpenApiService openApi = new OpenApiService();
        Drain drain = new Drain();

        WebServerConfig.Builder builder = WebServer.builder().config(config.get("server"));
        tls.ifPresent(builder::tls);
        WebServer server = builder
                // close() stops in order within the grace period; Helidon's own hook would cut requests in flight
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(observe(clients, probeTimeout, drain))
                .mediaContext(MediaContext.builder().addMediaSupport(Json.mediaSupport()).build())
                .directHandlers(ProblemDirectHandler.all())
                .routing(routing -> {
                    routing.addFilter(drain)
                            .addFilter(new RequestIdFilter())
                            .addFilter(new AccessLogFilter())
                            .addFilter(cors)
                            .addFilter(new BodySizeFilter(limits.get("bodybytes").asLong().get()))
                            .addFilter(new AuthenticationFilter(authenticator))
                            .addFilter(rateLimits)
                            .addFilter(new JsonBodyFilter())
                            .register("/api/v1/auth", login)
                            .register("/api/v1/events", stream)
                            .register("/api/v1/openapi", openApi)
                            .register("/api/v1/audit", new AuditFanOut(clients));
                    ProxyRoutes.register(routing, clients, bodies);
                    Unauthenticated.install(routing);
                    TooManyRequests.install(routing);
                    ProblemHandlers.install(routing);
                })
                .build()
                .start();
        listener.start();
        return new GatewayServer(server, hub, listener, broker, drain, GracefulShutdown.graceOf(config));
    }

    public int port() {
        return server.port();
    }

    /** True while the live-event feed is connected to the broker. */
    public boolean liveEventsConnected() {
        return listener.consuming();
    }

    /**
     * Graceful stop within {@code server.shutdowngrace}: not ready and new requests refused (503, so
     * clients go to another gateway), live streams ended, requests in flight finished, then the
     * server and the broker connection close. SIGTERM runs it (GatewayMain's shutdown hook).
     */
    @Override
    public void close() {
        shutdown.run();
    }

    private static ObserveFeature observe(Map<Upstream, UpstreamClient> clients, Duration probeTimeout, Drain drain) {
        return ObserveEndpoints.feature(drain.readiness(),
                clients.values().stream().map(client -> new UpstreamHealthCheck(client, probeTimeout)).toList());
    }

    private static RateLimiter.Policy policy(Config limit, long maxKeys) {
        return new RateLimiter.Policy(limit.get("burst").asLong().get(), limit.get("persecond").asLong().get(), maxKeys);
    }

    private static LoginThrottle throttle(Config login, Clock clock) {
        return new LoginThrottle(new LoginThrottle.Policy(login.get("freefailures").asInt().get(),
                login.get("firstlock").as(Duration.class).get(), login.get("maxlock").as(Duration.class).get(),
                login.get("forgetafter").as(Duration.class).get(), login.get("maxaccounts").asLong().get()), clock);
    }
}
