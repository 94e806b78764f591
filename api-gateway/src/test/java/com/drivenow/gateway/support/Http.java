package com.drivenow.gateway.support;

import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP calls to the gateway, the way any client would make them. */
public final class Http {

    public static final String DEMO_API_KEY = "demo-integration-key";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpClient client() {
        return client;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> call(String method, String path, String credentialHeader, String credential,
                                     String jsonBody) {
        HttpRequest.Builder request = request(path).method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentialHeader != null) {
            request.header(credentialHeader, credential);
        }
        return send(request);
    }

    public HttpResponse<String> asUser(String token, String method, String path, String jsonBody) {
        return call(method, path, "Authorization", "Bearer " + token, jsonBody);
    }

    public HttpResponse<String> asIntegration(String key, String method, String path, String jsonBody) {
        return call(method, path, "X-Api-Key", key, jsonBody);
    }

    public HttpResponse<String> login(String username, String password) {
        return call("POST", "/api/v1/auth/login", null, null,
                Json.write(Map.of("username", username, "password", password)));
    }

    /** A bearer token of a demo account. */
    public String token(String username) {
        HttpResponse<String> res = login(username, username);
        if (res.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + res.body());
        }
        return json(res).get("accessToken").asText();
    }

    public static JsonNode json(HttpResponse<String> res) {
        return json(res.body());
    }

    public static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
