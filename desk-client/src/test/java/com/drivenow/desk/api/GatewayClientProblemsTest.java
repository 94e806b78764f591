package com.drivenow.desk.api;

import com.drivenow.desk.api.CannedGateway.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every failure of a gateway call arrives at the counter as words an agent can act on. */
class GatewayClientProblemsTest {

    private final List<String> health = new CopyOnWriteArrayList<>();

    @Test
    void validationProblemListsEachFieldOnce() throws IOException {
        try (CannedGateway gateway = CannedGateway.always(Answer.problem(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"customer.email: is required",
                 "errors":[{"field":"customer.email","message":"is required"},{"field":"to","message":"must be after from"}]}"""))) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> client(gateway.uri()).booking(UUID.randomUUID()));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.fieldErrors()).containsExactly(new FieldError("customer.email", "is required"),
                    new FieldError("to", "must be after from"));
            assertThat(problem.getMessage()).isEqualTo("Please correct:\n• customer.email: is required\n• to: must be after from");
            assertThat(problem.requestId()).isEqualTo("req-1");
            assertThat(problem.isOutage()).isFalse();
            assertThat(health).containsExactly("ok");
        }
    }

    @Test
    void conflictShowsTheServersDetail() throws IOException {
        try (CannedGateway gateway = CannedGateway.always(Answer.problem(409, """
                {"title":"Conflict","status":409,"detail":"Car B-DN 1042 is already booked from 1 Dec 10:00 to 3 Dec 10:00."}"""))) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> client(gateway.uri()).cancel(UUID.randomUUID(), "no show"));

            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.getMessage()).isEqualTo("Car B-DN 1042 is already booked from 1 Dec 10:00 to 3 Dec 10:00.");
            assertThat(problem.isOutage()).isFalse();
        }
    }

    @Test
    void serviceUnavailableIsAnOutage() throws IOException {
        try (CannedGateway gateway = CannedGateway.always(Answer.problem(503, """
                {"title":"Service Unavailable","status":503,"detail":"The booking server does not answer."}"""))) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> client(gateway.uri()).cars(0, 50));

            assertThat(problem.getMessage()).isEqualTo("A DriveNow server is down: The booking server does not answer.");
            assertThat(problem.isOutage()).isTrue();
            assertThat(health).containsExactly("outage");
        }
    }

    @Test
    void answerThatIsNotProblemJsonStillGivesTheStatusInWords() throws IOException {
        try (CannedGateway gateway = CannedGateway.always(new Answer(502, "text/html", "<html>Bad gateway</html>"))) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> client(gateway.uri()).cars(0, 50));

            assertThat(problem.getMessage()).isEqualTo("A DriveNow server is down: The gateway refused the request (HTTP 502).");
        }
    }

    @Test
    void wrongPasswordIsNotTakenForAnExpiredSession() throws IOException {
        List<String> renewals = new CopyOnWriteArrayList<>();
        try (CannedGateway gateway = CannedGateway.always(Answer.problem(401, """
                {"title":"Unauthorized","status":401,"detail":"Wrong user name or password."}"""))) {
            GatewayClient client = client(gateway.uri());
            client.onSessionExpired(() -> renewals.add("asked"));

            assertThatThrownBy(() -> client.signIn("agent", "wrong"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
            assertThat(renewals).isEmpty();
            assertThat(gateway.seen()).hasSize(1);
        }
    }

    @Test
    void unreachableGatewayNamesTheAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        GatewayUnreachableException failure = catchThrowableOfType(GatewayUnreachableException.class, () -> client(nowhere).cars(0, 50));

        assertThat(failure.getMessage()).isEqualTo("Cannot reach the DriveNow gateway at " + nowhere
                + ". Check the address and the network, then try again.");
        assertThat(failure.isOutage()).isTrue();
        assertThat(health).containsExactly("outage");
    }

    private GatewayClient client(URI uri) {
        GatewayClient client = new GatewayClient(uri);
        client.setHealthListener(new GatewayHealthListener() {
            @Override
            public void callSucceeded() {
                health.add("ok");
            }

            @Override
            public void outage(GatewayException failure) {
                health.add("outage");
            }
        });
        return client;
    }
}
