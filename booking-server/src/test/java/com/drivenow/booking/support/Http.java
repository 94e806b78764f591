package com.drivenow.booking.support;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.InternalCredentialFilter;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;

import java.util.function.UnaryOperator;

/** A test's HTTP client for one server, presenting the internal token as the gateway would. */
public final class Http {

    private final Http1Client client;
    private final String token;

    public Http(int port, String token) {
        this.client = Http1Client.builder().baseUri("http://127.0.0.1:" + port).build();
        this.token = token;
    }

    public Answer call(Method method, String path, String body, UnaryOperator<Http1ClientRequest> customize) {
        int q = path.indexOf('?');
        Http1ClientRequest request = client.method(method).path(q < 0 ? path : path.substring(0, q))
                .header(InternalCredentialFilter.HEADER, token);
        if (q >= 0) {
            // The client would encode a '?' inside the path; pass the query parameters one by one.
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        request = customize.apply(request);
        try (HttpClientResponse response = body == null ? request.request()
                : request.header(HeaderNames.CONTENT_TYPE, "application/json").submit(body)) {
            return Answer.of(response);
        }
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Answer get(String path) {
        return call(Method.GET, path, null, r -> r);
    }

    public Answer post(String path, String body) {
        return call(Method.POST, path, body, r -> r);
    }

    /** A response read whole. */
    public record Answer(int status, String contentType, String location, String requestId, String body) {

        static Answer of(HttpClientResponse response) {
            return new Answer(response.status().code(),
                    response.headers().contentType().map(t -> t.text()).orElse(null),
                    response.headers().first(HeaderNames.LOCATION).orElse(null),
                    response.headers().first(HeaderNames.create("X-Request-Id")).orElse(null),
                    response.entity().hasEntity() ? response.as(String.class) : "");
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
