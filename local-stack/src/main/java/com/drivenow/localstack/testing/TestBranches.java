package com.drivenow.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The branch tests put their cars at: open around the clock in Europe/Berlin, so opening hours never
 * get in the way of a test about something else. Every car stands at a branch that exists.
 */
public final class TestBranches {

    private TestBranches() {
    }

    /**
     * Adds the always-open branch {@code code} to the inventory server at {@code inventoryUrl} unless
     * it exists, as a fleet manager's call through the gateway would (the internal credential stands in).
     */
    public static void ensure(String inventoryUrl, String internalToken, String code) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(inventoryUrl + "/api/v1/branches"))
                    .header("Content-Type", "application/json")
                    .header("X-Internal-Token", internalToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json(code))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                throw new IllegalStateException("branch " + code + " not created: " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The POST /api/v1/branches body of an always-open German branch called {@code code}. */
    public static String json(String code) {
        StringBuilder days = new StringBuilder();
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            days.append(days.isEmpty() ? "" : ",").append('"').append(day)
                    .append("\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}]");
        }
        return """
                {"code":"%s","name":"Test branch %s","address":"Teststrasse 1, 10115 Berlin","timeZone":"Europe/Berlin",
                 "country":"DE","currency":"EUR","openingHours":{%s},"closedDates":[],"afterHoursReturns":true}"""
                .formatted(code, code, days);
    }
}
