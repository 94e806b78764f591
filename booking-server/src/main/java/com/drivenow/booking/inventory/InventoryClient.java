package com.drivenow.booking.inventory;

import com.drivenow.booking.fleet.FleetCar;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.InternalCredentialFilter;
import com.drivenow.platform.web.RequestIdFilter;
import com.drivenow.platform.web.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.Retry;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks the inventory server whether a car can be booked, over HTTP with a short timeout, a retry and
 * a circuit breaker, so that a sick inventory server costs a booking at most a couple of seconds once
 * and then nothing until it recovers (the caller falls back on the fleet copy).
 *
 * <p>Config ({@code inventory}): {@code url}, {@code connect-timeout}, {@code read-timeout},
 * {@code retry.calls}, {@code retry.delay}, {@code retry.overall-timeout},
 * {@code breaker.volume}, {@code breaker.error-ratio}, {@code breaker.delay}.
 */
public final class InventoryClient {

    private final WebClient client;
    private final String internalToken;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public InventoryClient(Config inventory, String internalToken) {
        this.client = WebClient.builder()
                .baseUri(inventory.get("url").asString().get())
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
        try {
            return breaker.invoke(() -> retry.invoke(() -> ask(carId, from, to)));
        } catch (InventoryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InventoryUnavailableException("inventory server unavailable: " + e, e);
        }
    }

    /**
     * The branch {@code code} as the inventory server has it now (the public Branch JSON); empty when
     * it has no such branch.
     *
     * @throws InventoryUnavailableException when no trustworthy answer came back
     */
    public Optional<JsonNode> branch(String code) {
        try {
            return breaker.invoke(() -> retry.invoke(() -> {
                try (HttpClientResponse response = client.get("/api/v1/branches/" + code)
                        .header(InternalCredentialFilter.HEADER, internalToken)
                        .header(RequestIdFilter.HEADER, RequestIds.current() == null ? UUID.randomUUID().toString()
                                : RequestIds.current())
                        .request()) {
                    int status = response.status().code();
                    if (status == 404) {
                        return Optional.<JsonNode>empty();
                    }
                    if (status != 200) {
                        throw new IllegalStateException("inventory answered " + status);
                    }
                    return Optional.of(Json.mapper().readTree(response.as(String.class)));
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable inventory answer: " + e.getMessage(), e);
                }
            }));
        } catch (RuntimeException e) {
            throw e instanceof InventoryUnavailableException u ? u
                    : new InventoryUnavailableException("inventory server unavailable: " + e, e);
        }
    }

    private Optional<Bookability> ask(UUID carId, Instant from, Instant to) {
        String requestId = RequestIds.current() == null ? UUID.randomUUID().toString() : RequestIds.current();
        try (HttpClientResponse response = client.get("/internal/cars/" + carId + "/bookability")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .header(InternalCredentialFilter.HEADER, internalToken)
                .header(RequestIdFilter.HEADER, requestId)
                .request()) {
            int status = response.status().code();
            if (status == 404) {
                return Optional.empty();
            }
            if (status != 200) {
                // 5xx, or 401 from a misconfigured token: no answer we can act on, so fall back.
                throw new IllegalStateException("inventory answered " + status);
            }
            JsonNode body = Json.mapper().readTree(response.as(String.class));
            return Optional.of(new Bookability(body.path("bookable").asBoolean(false),
                    body.path("reason").asText(null), FleetCar.fromJson(body.get("car"))));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable inventory answer: " + e.getMessage(), e);
        }
    }
}
