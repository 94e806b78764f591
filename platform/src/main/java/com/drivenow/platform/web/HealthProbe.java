package com.drivenow.platform.web;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * A container health check for images that carry no curl: asks this container's own server for
 * {@code /health} on {@code SERVER_PORT} and exits 0 on a 2xx answer, 1 otherwise. Run it with the
 * image's java, for example {@code java -cp '/app/libs/*' com.drivenow.platform.web.HealthProbe}.
 * When the server serves HTTPS ({@code TLS_CERTIFICATE} or {@code TLS_KEYSTORE} set) it asks over
 * HTTPS on the loopback address, where the certificate's host name cannot match and nobody can sit
 * in between: it checks that the server answers, not who it is.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MS = 3000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean https = !env.getOrDefault("TLS_CERTIFICATE", "").isBlank() || !env.getOrDefault("TLS_KEYSTORE", "").isBlank();
        URI health = URI.create((https ? "https" : "http") + "://127.0.0.1:" + env.getOrDefault("SERVER_PORT", "8080") + "/health");
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            if (connection instanceof HttpsURLConnection secure) {
                secure.setSSLSocketFactory(loopbackOnly().getSocketFactory());
                secure.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
            }
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            int status = connection.getResponseCode();
            System.out.println(health + " answered " + status);
            System.exit(status / 100 == 2 ? 0 : 1);
        } catch (IOException | GeneralSecurityException e) {
            System.out.println(health + " did not answer: " + e);
            System.exit(1);
        }
    }

    /** Accepts the server's own certificate on the loopback address (see the class comment). */
    private static SSLContext loopbackOnly() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
