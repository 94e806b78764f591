package com.drivenow.booking.inventory;

import com.drivenow.booking.fleet.FleetCar;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.lifecycle.Replicas;
import com.drivenow.platform.web.InternalCredentialFilter;
import com.drivenow.platform.web.RequestIdFilter;
import com.drivenow.platform.web.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.Retry;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Asks the inventory server whether a car can be booked, over HTTP with a short timeout, a retry and
 * a circuit breaker, so that a sick inventory server costs a booking at most a couple of seconds once
 * and then nothing until it recovers (the caller falls back on the fleet copy).
 *
 * <p>{@code url} may name several inventory replicas, comma-separated: each ask takes them by turns
 * and goes on to the next when one does not answer (the ask is a read, safe to repeat), so one
 * replica dying costs a booking nothing and does not open the breaker.
 *
 * <p>Config ({@code inventory}): {@code url}, {@code connect-timeout}, {@code read-timeout},
 * {@code retry.calls}, {@code retry.delay}, {@code retry.overall-timeout},
 * {@code breaker.volume}, {@code breaker.error-ratio}, {@code breaker.delay}.
 */
public final class InventoryClient {

    private static final Duration REPLICA_COOLDOWN = Duration.ofSeconds(2);

    private final WebClient client;
    private final Replicas replicas;
    private final String internalToken;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public InventoryClient(Config inventory, String internalToken) {
        this.replicas = Replicas.parse(inventory.get("url").asString().get(), REPLICA_COOLDOWN);
        this.client = WebClient.builder()
                // Without it the last piece of a request waits for the server's delayed ACK (40 ms).
                .socketOptions(socket -> socket.tcpNoDelay(true))
                .connectTimeout(inventory.get("connect-timeout").as(Duration.class).get())
                .readTimeout(inventory.get("read-timeout").as(Duration.class).get())
                .build();
        this.internalToken = internalToken;
        this.retry = Retry.builder()
                .calls(inventory.get("retry.calls").asInt().get())
                .delay(inventory.get("retry.delay").as(Duration.class).get())
                .delayFactor(2)
                .overallTimeout(inventory.get("retry.overall-timeout").as(Duration.class).get())
                .build();
        this.breaker = CircuitBreaker.builder()
                .volume(inventory.get("breaker.volume").asInt().get())
                .errorRatio(inventory.get("breaker.error-ratio").asInt().get())
                .successThreshold(1)
                .delay(inventory.get("breaker.delay").as(Duration.class).get())
                .build();
    }

    /**
     * The live answer for {@code carId}; empty when the inventory server does not know the car.
     *
     * @throws InventoryUnavailableException when no trustworthy answer came back
     */
    public Optional<Bookability> bookability(UUID carId, Instant from, Instant to) {
        return guarded(replica -> ask(replica, carId, from, to));
    }

    /**
     * The branch {@code code} as the inventory server has it now (the public Branch JSON); empty when
     * it has no such branch.
     *
     * @throws InventoryUnavailableException when no trustworthy answer came back
     */
    public Optional<JsonNode> branch(String code) {
        return guarded(replica -> {
            try (HttpClientResponse response = get(replica, "/api/v1/branches/" + code).request()) {
                return answer(response).map(body -> body);
            }
        });
    }

    /** An ask behind the breaker and the retry, of each replica in turn. */
    private <T> Optional<T> guarded(Function<String, Optional<T>> ask) {
        try {
            return breaker.invoke(() -> retry.invoke(() -> askReplicas(ask)));
        } catch (InventoryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InventoryUnavailableException("inventory server unavailable: " + e, e);
        }
    }

    /** One ask, of each replica in turn until one answers; the last failure when none does. */
    private <T> Optional<T> askReplicas(Function<String, Optional<T>> ask) {
        RuntimeException failure = null;
        for (String replica : replicas.order()) {
            try {
                Optional<T> answer = ask.apply(replica);
                replicas.succeeded(replica);
                return answer;
            } catch (RuntimeException e) {
                replicas.failed(replica);
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        throw failure;
    }

    private Optional<Bookability> ask(String replica, UUID carId, Instant from, Instant to) {
        try (HttpClientResponse response = get(replica, "/internal/cars/" + carId + "/bookability")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .request()) {
            return answer(response).map(body -> new Bookability(body.path("bookable").asBoolean(false),
                    body.path("reason").asText(null), FleetCar.fromJson(body.get("car"))));
        }
    }

    private HttpClientRequest get(String replica, String path) {
        String requestId = RequestIds.current() == null ? UUID.randomUUID().toString() : RequestIds.current();
        return client.get(replica + path)
                .header(InternalCredentialFilter.HEADER, internalToken)
                .header(RequestIdFilter.HEADER, requestId);
    }

    /** The JSON of a 200, empty for a 404; anything else is no answer we can act on. */
    private static Optional<JsonNode> answer(HttpClientResponse response) {
        int status = response.status().code();
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            // 5xx, or 401 from a misconfigured token: no answer we can act on, so fall back.
            throw new IllegalStateException("inventory answered " + status);
        }
        try {
            return Optional.of(Json.mapper().readTree(response.as(String.class)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable inventory answer: " + e.getMessage(), e);
        }
    }
}
