package com.drivenow.desk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The desk's only door to DriveNow: every call of API.md, blocking, to be called off the FX thread.
 * Owns the gateway address and the tokens; turns problem+json into {@link ProblemException}. When the
 * short access token has expired it trades the refresh token for new ones and repeats the call, so the
 * agent notices nothing; only when that fails (the session ended) it asks {@link SessionRenewal} for a
 * new sign-in.
 */
public final class GatewayClient {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final JavaType CAR_PAGE = Json.MAPPER.getTypeFactory().constructParametricType(Page.class, Car.class);
    private static final JavaType BOOKING_PAGE = Json.MAPPER.getTypeFactory().constructParametricType(Page.class, Booking.class);

    private static final JavaType BRANCH_LIST = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, Branch.class);

    private final HttpClient http;
    private volatile URI gateway;
    private volatile String token;
    private volatile String refreshToken;
    private volatile SessionRenewal renewal = () -> false;
    private volatile GatewayHealthListener health = new GatewayHealthListener() {
        @Override
        public void callSucceeded() {
        }

        @Override
        public void outage(GatewayException failure) {
        }
    };

    public GatewayClient(URI gateway) {
        this(gateway, Optional.empty());
    }

    /** With {@code trust}: the only CAs an HTTPS gateway's certificate may come from ({@link TrustedCa}). */
    public GatewayClient(URI gateway, Optional<SSLContext> trust) {
        this.gateway = withoutTrailingSlash(gateway);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
        trust.ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    public URI gateway() {
        return gateway;
    }

    public void setGateway(URI gateway) {
        this.gateway = withoutTrailingSlash(gateway);
    }

    public void onSessionExpired(SessionRenewal renewal) {
        this.renewal = Objects.requireNonNull(renewal);
    }

    public void setHealthListener(GatewayHealthListener health) {
        this.health = Objects.requireNonNull(health);
    }

    // ---- auth

    public SignedIn signIn(String username, String password) {
        SignedIn signedIn = Json.MAPPER.convertValue(
                call("POST", "/api/v1/auth/login", Map.of("username", username, "password", password), Map.of(), false),
                SignedIn.class);
        token = signedIn.accessToken();
        refreshToken = signedIn.refreshToken();
        return signedIn;
    }

    /** Ends the session at the gateway too (best effort: the tokens are forgotten either way). */
    public void signOut() {
        String bearer = token;
        token = null;
        refreshToken = null;
        if (bearer != null) {
            Thread.ofVirtual().name("desk-sign-out").start(() -> logout(bearer));
        }
    }

    private void logout(String bearer) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/logout"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + bearer)
                    .timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The gateway is away: the access token dies within minutes anyway.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a 401 of a call made with {@code failedToken}: new tokens from the refresh token, silently;
     * when there is none or the gateway refuses it, the sign-in dialog. True when the call may be
     * repeated. One renewal at a time, and none when another call has renewed meanwhile: a refresh
     * token works once, and presenting it twice would end the session.
     */
    private synchronized boolean renew(String failedToken) {
        if (token != null && !token.equals(failedToken)) {
            return true;
        }
        String refresh = refreshToken;
        if (refresh != null) {
            try {
                SignedIn renewed = Json.MAPPER.convertValue(send("POST", "/api/v1/auth/refresh",
                        Map.of("refreshToken", refresh), Map.of()), SignedIn.class);
                token = renewed.accessToken();
                refreshToken = renewed.refreshToken();
                return true;
            } catch (ProblemException e) {
                refreshToken = null;
            }
        }
        return renewal.renew();
    }

    // ---- cars

    public Page<Car> cars(int page, int size) {
        return read(call("GET", "/api/v1/cars" + query("page", page, "size", size)), CAR_PAGE);
    }

    public Car car(UUID id) {
        return read(call("GET", "/api/v1/cars/" + id), Car.class);
    }

    public Car addCar(CarDraft draft) {
        return read(call("POST", "/api/v1/cars", draft, Map.of(), true), Car.class);
    }

    /** Sends every draft field; the version guards against overwriting another manager's change. */
    public Car updateCar(UUID id, long version, CarDraft draft) {
        return read(call("PATCH", "/api/v1/cars/" + id, draft, Map.of("If-Match", "\"" + version + "\""), true), Car.class);
    }

    public Car startMaintenance(UUID id) {
        return read(call("POST", "/api/v1/cars/" + id + "/maintenance", null, Map.of(), true), Car.class);
    }

    public Car endMaintenance(UUID id) {
        return read(call("DELETE", "/api/v1/cars/" + id + "/maintenance"), Car.class);
    }

    public Car retire(UUID id) {
        return read(call("POST", "/api/v1/cars/" + id + "/retire", null, Map.of(), true), Car.class);
    }

    // ---- branches

    /** Every branch, by code; the gateway lists them to anyone signed in. */
    public List<Branch> branches() {
        return Json.MAPPER.convertValue(call("GET", "/api/v1/branches").path("items"), BRANCH_LIST);
    }

    // ---- availability and bookings

    public Availability availability(Instant from, Instant to, String category, String location) {
        return read(call("GET", "/api/v1/availability"
                + query("from", from, "to", to, "category", category, "location", location)), Availability.class);
    }

    /** The idempotency key makes a retried confirm return the first booking instead of a second one. */
    public Booking book(NewBooking booking, UUID idempotencyKey) {
        return read(call("POST", "/api/v1/bookings", booking, Map.of("Idempotency-Key", idempotencyKey.toString()), true),
                Booking.class);
    }

    public Page<Booking> bookings(BookingQuery q, int page, int size) {
        return read(call("GET", "/api/v1/bookings" + query("status", q.status(), "carId", q.carId(), "q", q.text(),
                "from", q.from(), "to", q.to(), "page", page, "size", size)), BOOKING_PAGE);
    }

    public Booking booking(UUID id) {
        return read(call("GET", "/api/v1/bookings/" + id), Booking.class);
    }

    public Booking pickUp(UUID id, int mileageKm) {
        return read(call("POST", "/api/v1/bookings/" + id + "/pickup", Map.of("mileageKm", mileageKm), Map.of(), true),
                Booking.class);
    }

    public Booking returnCar(UUID id, int mileageKm, int fuelPercent) {
        return read(call("POST", "/api/v1/bookings/" + id + "/return",
                Map.of("mileageKm", mileageKm, "fuelPercent", fuelPercent), Map.of(), true), Booking.class);
    }

    public Booking cancel(UUID id, String reason) {
        return read(call("POST", "/api/v1/bookings/" + id + "/cancel", Map.of("reason", reason), Map.of(), true),
                Booking.class);
    }

    // ---- live events

    /** Opens the SSE stream; the caller reads lines until the stream ends. Expired tokens are renewed like any call. */
    public HttpResponse<Stream<String>> openEvents(String lastEventId) throws InterruptedException {
        for (boolean renewed = false; ; renewed = true) {
            HttpRequest.Builder request = request("GET", "/api/v1/events", null, Map.of())
                    .header("Accept", "text/event-stream")
                    .timeout(Duration.ofDays(1));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            String used = token;
            HttpResponse<Stream<String>> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            } catch (IOException e) {
                throw unreachable(e);
            }
            if (response.statusCode() == 200) {
                return response;
            }
            String body = String.join("\n", response.body().toList());
            ProblemException problem = problem(response.statusCode(), body, response.headers().firstValue("X-Request-Id").orElse(null));
            if (problem.status() == 401 && !renewed && renew(used)) {
                continue;
            }
            throw reported(problem);
        }
    }

    // ---- plumbing

    private JsonNode call(String method, String path) {
        return call(method, path, null, Map.of(), true);
    }

    private JsonNode call(String method, String path, Object body, Map<String, String> headers, boolean signedIn) {
        String used = token;
        try {
            return send(method, path, body, headers);
        } catch (ProblemException e) {
            if (e.status() == 401 && signedIn && renew(used)) {
                return send(method, path, body, headers);
            }
            throw e;
        }
    }

    private JsonNode send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest request = request(method, path, body, headers).timeout(CALL_TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw reported(unreachable(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw reported(unreachable(e));
        }
        String requestId = response.headers().firstValue("X-Request-Id").orElse(request.headers().firstValue("X-Request-Id").orElse(null));
        if (response.statusCode() >= 400) {
            throw reported(problem(response.statusCode(), response.body(), requestId));
        }
        health.callSucceeded();
        try {
            return response.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw reported(new ProblemException(502, "Unreadable answer", "The gateway sent an answer the desk cannot read.", List.of(), requestId));
        }
    }

    private HttpRequest.Builder request(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .method(method, publisher)
                .header("Accept", "application/json, application/problem+json")
                .header("X-Request-Id", UUID.randomUUID().toString());
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        String bearer = token;
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private GatewayUnreachableException unreachable(Exception cause) {
        return new GatewayUnreachableException(gateway, cause);
    }

    private <E extends GatewayException> E reported(E failure) {
        if (failure.isOutage()) {
            health.outage(failure);
        } else {
            health.callSucceeded();
        }
        return failure;
    }

    /** Reads problem+json; a body that is not one (a proxy's HTML page) still gives the status in words. */
    static ProblemException problem(int status, String body, String requestId) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            List<FieldError> errors = node.has("errors")
                    ? Json.MAPPER.convertValue(node.get("errors"), new TypeReference<List<FieldError>>() { })
                    : List.of();
            return new ProblemException(status, text(node, "title"), text(node, "detail"), errors, requestId);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return new ProblemException(status, null, null, List.of(), requestId);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        return Json.MAPPER.convertValue(node, type);
    }

    private static <T> T read(JsonNode node, JavaType type) {
        return Json.MAPPER.convertValue(node, type);
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write request body", e);
        }
    }

    /** Builds {@code ?a=1&b=2} from name/value pairs, leaving out null and blank values. */
    private static String query(Object... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null && !value.toString().isBlank()) {
                params.put(pairs[i].toString(), value.toString());
            }
        }
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> joined.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
