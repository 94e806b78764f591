package com.drivenow.gateway.support;

import com.drivenow.platform.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the inventory and booking servers: answers every /api/v1 call with what it
 * received (method, path, query, headers, body), so tests can see exactly what the gateway forwards.
 * {@code GET .../slow} answers after two seconds; {@code POST /api/v1/cars} answers 201 with an
 * absolute Location and an ETag, as the real inventory server may.
 */
public final class StubUpstream implements AutoCloseable {

    private final WebServer server;
    private final AtomicInteger calls = new AtomicInteger();

    public StubUpstream() {
        this.server = WebServer.builder().port(0).routing(r -> r.any("/*", this::echo)).build().start();
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int calls() {
        return calls.get();
    }

    private void echo(ServerRequest req, ServerResponse res) throws InterruptedException {
        calls.incrementAndGet();
        String path = req.path().absolute().path();
        if (path.endsWith("/slow")) {
            Thread.sleep(2000);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), h.values()));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", req.prologue().method().text());
        echo.put("path", path);
        echo.put("query", req.query().rawValue());
        echo.put("headers", headers);
        echo.put("body", req.content().hasEntity() ? new String(req.content().as(byte[].class), StandardCharsets.UTF_8) : null);
        if (req.prologue().method().text().equals("POST") && path.equals("/api/v1/cars")) {
            res.status(Status.CREATED_201);
            res.header(HeaderNames.LOCATION, url() + "/api/v1/cars/4b4e0e3c-0000-4000-8000-000000000001");
            res.header(HeaderNames.ETAG, "\"1\"");
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(echo));
    }

    @Override
    public void close() {
        server.stop();
    }
}
