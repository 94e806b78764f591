package com.drivenow.platform.web;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check for images that carry no curl: asks this container's own server for
 * {@code /health} on {@code SERVER_PORT} and exits 0 on a 2xx answer, 1 otherwise. Run it with the
 * image's java, for example {@code java -cp '/app/libs/*' com.drivenow.platform.web.HealthProbe}.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MS = 3000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        URI health = URI.create("http://127.0.0.1:" + System.getenv().getOrDefault("SERVER_PORT", "8080") + "/health");
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            int status = connection.getResponseCode();
            System.out.println(health + " answered " + status);
            System.exit(status / 100 == 2 ? 0 : 1);
        } catch (IOException e) {
            System.out.println(health + " did not answer: " + e);
            System.exit(1);
        }
    }
}
