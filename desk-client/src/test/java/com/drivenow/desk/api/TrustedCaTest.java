package com.drivenow.desk.api;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.localstack.testing.TestCertificates;
import com.drivenow.localstack.testing.TestInfrastructure;
import com.drivenow.localstack.testing.TestServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desk signs in over HTTPS to a gateway whose certificate comes from a CA it was given (--ca). */
class TrustedCaTest {

    @Test
    void theDeskTrustsTheConfiguredCaAndNothingElse(@TempDir Path folder) {
        TestCertificates certificates = TestCertificates.create(folder);
        TestInfrastructure infra = TestInfrastructure.get();
        try (GatewayServer gateway = GatewayServer.start(TestServerConfig.of(Map.of(
                "server.host", "127.0.0.1", "server.port", "0",
                "messaging.uri", infra.amqp(), "messaging.namespace", infra.freshNamespace("desk-tls"),
                "upstream.inventory", "http://127.0.0.1:9", "upstream.booking", "http://127.0.0.1:9",
                "tls.keystore", certificates.keystore().toString(),
                "tls.keystorepassword", certificates.password())))) {
            URI https = URI.create("https://127.0.0.1:" + gateway.port());
            warmUp(https, certificates);

            GatewayClient trusting = new GatewayClient(https, Optional.of(TrustedCa.from(certificates.certificatePem())));
            assertThat(trusting.signIn("agent", "agent").user().username()).isEqualTo("agent");

            GatewayClient untrusting = new GatewayClient(https);
            assertThatThrownBy(() -> untrusting.signIn("agent", "agent")).isInstanceOf(GatewayUnreachableException.class);
        }
    }

    /** A cold JVM's first TLS handshake can outlast the desk's 3-second connect timeout on a busy machine. */
    private static void warmUp(URI https, TestCertificates certificates) {
        try {
            java.net.http.HttpClient.newBuilder().sslContext(TrustedCa.from(certificates.certificatePem()))
                    .connectTimeout(java.time.Duration.ofSeconds(30)).build()
                    .send(java.net.http.HttpRequest.newBuilder(https.resolve("/api/v1/openapi")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
