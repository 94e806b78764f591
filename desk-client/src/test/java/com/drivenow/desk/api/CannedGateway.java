package com.drivenow.desk.api;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that answers every call with one canned answer, and logs what it was sent:
 * the desk's client meets real status lines, headers and bodies without a gateway.
 */
final class CannedGateway implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String method, String path, String authorization) {
    }

    /** What to answer to a request. */
    interface Answerer {
        Answer answer(Seen request);
    }

    record Answer(int status, String contentType, String body) {

        static Answer problem(int status, String json) {
            return new Answer(status, "application/problem+json", json);
        }

        static Answer json(String json) {
            return new Answer(200, "application/json", json);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    CannedGateway(Answerer answerer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add(request);
            exchange.getRequestBody().readAllBytes();
            Answer answer = answerer.answer(request);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.getResponseHeaders().add("X-Request-Id", "req-" + seen.size());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    static CannedGateway always(Answer answer) throws IOException {
        return new CannedGateway(request -> answer);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Seen> seen() {
        return seen;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
