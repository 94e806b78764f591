package com.drivenow.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public API as a client sees it, either through the gateway (with a bearer token) or directly
 * on a server (with the internal token and the caller headers the gateway would add). Connection
 * failures surface as {@link IOException}, so callers can tell "no answer" from an answer. With
 * several gateways it calls one of them and moves on to the next on {@link #failover()}.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final List<URI> bases;
    private final Map<String, String> headers;
    private final AtomicInteger current;

    private ApiClient(List<URI> bases, Map<String, String> headers, int first) {
        this.bases = List.copyOf(bases);
        this.headers = headers;
        this.current = new AtomicInteger(first % bases.size());
    }

    /** Logs in at the gateway as {@code username}. */
    public static ApiClient gateway(URI gateway, String username, String password) throws IOException {
        return gateways(List.of(gateway), username, password);
    }

    /** Logs in at the first of {@code gateways} as {@code username}; the token is good at all of them. */
    public static ApiClient gateways(List<URI> gateways, String username, String password) throws IOException {
        ApiClient anonymous = new ApiClient(gateways, Map.of(), 0);
        Reply login = anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (!login.is(200)) {
            throw new IllegalStateException("Login as " + username + " failed: " + login);
        }
        return new ApiClient(gateways, Map.of("Authorization", "Bearer " + login.text("accessToken")), 0);
    }

    /** Straight to a server, vouching for {@code caller} with {@code roles} as the gateway does. */
    public static ApiClient internal(URI server, String internalToken, String caller, String roles) {
        return new ApiClient(List.of(server), Map.of("X-Internal-Token", internalToken, "X-Caller-Id", caller,
                "X-Caller-Roles", roles, "X-Caller-Kind", "USER"), 0);
    }

    /** The same caller, calling gateway number {@code index} (from 0, wrapping) first. */
    public ApiClient startingAt(int index) {
        return new ApiClient(bases, headers, index);
    }

    /** From now on, the next gateway (when there are several). */
    public void failover() {
        current.updateAndGet(i -> (i + 1) % bases.size());
    }

    /** The gateway this client calls now. */
    public URI base() {
        return bases.get(current.get());
    }

    /** The credential headers, for callers that talk to the API another way (a live-event stream). */
    public Map<String, String> headers() {
        return headers;
    }

    public Reply createBooking(UUID carId, Instant from, Instant to, Optional<String> idempotencyKey)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("carId", carId.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("customer", Map.of("name", "Bench Customer", "email", "bench@example.com",
                "phone", "+49 30 1234567", "licenseNumber", "B0123456789"));
        body.put("pickUpNow", false);
        HttpRequest.Builder request = json(HttpRequest.newBuilder(base().resolve("/api/v1/bookings")), body);
        idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
        return send(request);
    }

    public Reply pickUp(UUID bookingId, long mileageKm) throws IOException {
        return post("/api/v1/bookings/" + bookingId + "/pickup", Map.of("mileageKm", mileageKm));
    }

    public Reply returnCar(UUID bookingId, long mileageKm) throws IOException {
        return post("/api/v1/bookings/" + bookingId + "/return", Map.of("mileageKm", mileageKm, "fuelPercent", 100));
    }

    public Reply get(String pathAndQuery) throws IOException {
        return send(HttpRequest.newBuilder(base().resolve(pathAndQuery)).GET());
    }

    public Reply post(String path, Object body) throws IOException {
        return send(json(HttpRequest.newBuilder(base().resolve(path)), body));
    }

    private static HttpRequest.Builder json(HttpRequest.Builder builder, Object body) {
        return builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    }

    private Reply send(HttpRequest.Builder builder) throws IOException {
        headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
