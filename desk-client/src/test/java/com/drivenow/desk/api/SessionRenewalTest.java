package com.drivenow.desk.api;

import com.drivenow.desk.api.CannedGateway.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A 401 on a signed-in call asks for a new sign-in once, then repeats the call with the new token. */
class SessionRenewalTest {

    private static final String LOGIN = """
            {"accessToken":"%s","tokenType":"Bearer","expiresIn":28800,"user":{"username":"agent","displayName":"Demo Agent","roles":["AGENT"]}}""";
    private static final Answer EXPIRED = Answer.problem(401, """
            {"title":"Unauthorized","status":401,"detail":"The token has expired."}""");
    private static final String CAR_ID = "6f1c1f4e-3b8a-4d61-9d7e-0b5a1c2d3e4f";

    @Test
    void expiredTokenIsRenewedAndTheCallRepeated() throws IOException {
        AtomicInteger logins = new AtomicInteger();
        try (CannedGateway gateway = new CannedGateway(request -> switch (request.path()) {
            case "/api/v1/auth/login" -> Answer.json(LOGIN.formatted("token-" + logins.incrementAndGet()));
            default -> "Bearer token-2".equals(request.authorization()) ? Answer.json(car()) : EXPIRED;
        })) {
            GatewayClient client = new GatewayClient(gateway.uri());
            client.signIn("agent", "agent");
            AtomicInteger renewals = new AtomicInteger();
            client.onSessionExpired(() -> {
                renewals.incrementAndGet();
                client.signIn("agent", "agent");   // what the re-sign-in dialog does
                return true;
            });

            Car car = client.car(UUID.fromString(CAR_ID));

            assertThat(car.plate()).isEqualTo("B-DN 1042");
            assertThat(renewals).hasValue(1);
            assertThat(gateway.seen()).extracting(CannedGateway.Seen::path)
                    .containsExactly("/api/v1/auth/login", "/api/v1/cars/" + CAR_ID, "/api/v1/auth/login", "/api/v1/cars/" + CAR_ID);
            assertThat(gateway.seen()).filteredOn(seen -> seen.path().startsWith("/api/v1/cars"))
                    .extracting(CannedGateway.Seen::authorization).containsExactly("Bearer token-1", "Bearer token-2");
        }
    }

    @Test
    void anExpiredTokenIsRenewedWithTheRefreshTokenWithoutAskingTheAgent() throws IOException {
        String withRefresh = """
                {"accessToken":"%s","tokenType":"Bearer","expiresIn":900,"refreshToken":"%s",
                 "user":{"username":"agent","displayName":"Demo Agent","roles":["AGENT"]}}""";
        try (CannedGateway gateway = new CannedGateway(request -> switch (request.path()) {
            case "/api/v1/auth/login" -> Answer.json(withRefresh.formatted("token-1", "refresh-1"));
            case "/api/v1/auth/refresh" -> Answer.json(withRefresh.formatted("token-2", "refresh-2"));
            default -> "Bearer token-2".equals(request.authorization()) ? Answer.json(car()) : EXPIRED;
        })) {
            GatewayClient client = new GatewayClient(gateway.uri());
            client.signIn("agent", "agent");
            AtomicInteger dialogs = new AtomicInteger();
            client.onSessionExpired(() -> dialogs.incrementAndGet() < 0);

            assertThat(client.car(UUID.fromString(CAR_ID)).plate()).isEqualTo("B-DN 1042");

            assertThat(dialogs).hasValue(0);
            assertThat(gateway.seen()).extracting(CannedGateway.Seen::path).containsExactly("/api/v1/auth/login",
                    "/api/v1/cars/" + CAR_ID, "/api/v1/auth/refresh", "/api/v1/cars/" + CAR_ID);
        }
    }

    @Test
    void callsThatExpireTogetherRenewOnceSinceARefreshTokenWorksOnlyOnce() throws Exception {
        String withRefresh = """
                {"accessToken":"%s","tokenType":"Bearer","expiresIn":900,"refreshToken":"%s",
                 "user":{"username":"agent","displayName":"Demo Agent","roles":["AGENT"]}}""";
        AtomicInteger refreshes = new AtomicInteger();
        try (CannedGateway gateway = new CannedGateway(request -> switch (request.path()) {
            case "/api/v1/auth/login" -> Answer.json(withRefresh.formatted("token-1", "refresh-1"));
            // Like the real gateway: the first use rotates, a second use of the same token is refused.
            case "/api/v1/auth/refresh" -> refreshes.incrementAndGet() == 1
                    ? Answer.json(withRefresh.formatted("token-2", "refresh-2")) : EXPIRED;
            default -> "Bearer token-2".equals(request.authorization()) ? Answer.json(car()) : EXPIRED;
        })) {
            GatewayClient client = new GatewayClient(gateway.uri());
            client.signIn("agent", "agent");
            client.onSessionExpired(() -> false);

            List<java.util.concurrent.Future<Car>> calls = new java.util.ArrayList<>();
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 6; i++) {
                    calls.add(threads.submit(() -> client.car(UUID.fromString(CAR_ID))));
                }
            }
            for (var call : calls) {
                assertThat(call.get().plate()).isEqualTo("B-DN 1042");
            }
            assertThat(refreshes).hasValue(1);
        }
    }

    @Test
    void givingUpOnTheSignInLeavesTheCallFailed() throws IOException {
        try (CannedGateway gateway = CannedGateway.always(EXPIRED)) {
            GatewayClient client = new GatewayClient(gateway.uri());
            client.onSessionExpired(() -> false);

            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> client.car(UUID.fromString(CAR_ID)));

            assertThat(problem.status()).isEqualTo(401);
            assertThat(gateway.seen()).hasSize(1);
        }
    }

    @Test
    void aSecondRefusalAfterRenewalIsNotRetriedForever() throws IOException {
        AtomicInteger renewals = new AtomicInteger();
        try (CannedGateway gateway = CannedGateway.always(EXPIRED)) {
            GatewayClient client = new GatewayClient(gateway.uri());
            client.onSessionExpired(() -> renewals.incrementAndGet() > 0);

            catchThrowableOfType(ProblemException.class, () -> client.car(UUID.fromString(CAR_ID)));

            assertThat(renewals).hasValue(1);
            assertThat(gateway.seen()).hasSize(2);
        }
    }

    private static String car() {
        return """
                {"id":"%s","plate":"B-DN 1042","make":"Volkswagen","model":"Golf","year":2024,"category":"COMPACT",
                 "seats":5,"transmission":"MANUAL","fuelType":"PETROL","dailyRate":{"currency":"EUR","amount":"49.00"},
                 "location":"BER","mileageKm":12000,"status":"AVAILABLE","version":3}""".formatted(CAR_ID);
    }
}
