package com.drivenow.platform.lifecycle;

import com.drivenow.platform.web.ObserveEndpoints;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server stopped while requests are in flight: they all complete with 200, new ones get a 503 a
 * caller may send elsewhere, readiness is down meanwhile, and the stop is bounded by the grace period.
 */
class GracefulShutdownTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final CountDownLatch release = new CountDownLatch(1);
    private final Drain drain = new Drain();
    private WebServer server;

    private WebServer start() {
        server = WebServer.builder()
                .port(0)
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(ObserveEndpoints.feature(List.of(drain.readiness())))
                .routing(routing -> routing.addFilter(drain)
                        .get("/slow", (req, res) -> {
                            release.await(30, TimeUnit.SECONDS);
                            res.send("done");
                        })
                        .get("/fast", (req, res) -> res.send("fast")))
                .build()
                .start();
        return server;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    @Test
    void requestsInFlightCompleteAndNewOnesAreSentAway() throws Exception {
        start();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(HTTP.sendAsync(get("/slow"), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> drain.inFlight() == 5);

        GracefulShutdown shutdown = new GracefulShutdown("test-server", Duration.ofSeconds(20))
                .then("drain", drain::begin)
                .then("requests in flight", left -> drain.awaitIdle(left))
                .then("web server", server::stop);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(shutdown::run);
        await().atMost(Duration.ofSeconds(5)).until(drain::draining);

        HttpResponse<String> refused = HTTP.send(get("/fast"), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue(Drain.HEADER.defaultCase())).contains("true");
        assertThat(HTTP.send(get("/health"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("readiness is down while draining").isEqualTo(503);
        assertThat(stopping).as("the stop waits for the requests in flight").isNotDone();

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> request : inFlight) {
            HttpResponse<String> answer = request.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("done");
        }
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void theGracePeriodBoundsTheWait() throws Exception {
        start();
        CompletableFuture<HttpResponse<String>> stuck = HTTP.sendAsync(get("/slow"), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> drain.inFlight() == 1);

        long started = System.nanoTime();
        new GracefulShutdown("test-server", Duration.ofMillis(500))
                .then("drain", drain::begin)
                .then("requests in flight", left -> drain.awaitIdle(left))
                .then("web server", server::stop)
                .run();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.isRunning()).isFalse();
        release.countDown();
        stuck.handle((answer, error) -> null).get(10, TimeUnit.SECONDS);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).build();
    }
}
