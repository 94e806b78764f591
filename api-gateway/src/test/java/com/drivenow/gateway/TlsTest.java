package com.drivenow.gateway;

import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestCertificates;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given a certificate and key (PKCS#12 or PEM), the gateway serves HTTPS only, and production accepts it
 * without a proxy in front.
 */
class TlsTest {

    @Test
    void theGatewayServesHttpsFromAPkcs12KeystoreInProduction(@TempDir Path folder) throws Exception {
        TestCertificates certificates = TestCertificates.create(folder);
        try (StubUpstream upstream = new StubUpstream()) {
            Map<String, String> config = TestGateway.production(upstream.url(),
                    TestInfrastructure.get().freshNamespace("gateway-tls"));
            config.put("tls.keystore", certificates.keystore().toString());
            config.put("tls.keystorepassword", certificates.password());
            try (GatewayServer gateway = TestGateway.start(config)) {
                HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificates.certificatePem()))
                        .connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> openapi = trusting.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + gateway.port() + "/api/v1/openapi")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(openapi.statusCode()).isEqualTo(200);

                HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                        + "/api/v1/openapi")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void theGatewayServesHttpsFromPemFilesAsComposeGivesThem(@TempDir Path folder) throws Exception {
        Path key = folder.resolve("gateway.key");
        Path certificate = folder.resolve("gateway.crt");
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", key.toString(), "-out", certificate.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("openssl is not installed: " + e.getMessage());
            return;
        }
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        try (StubUpstream upstream = new StubUpstream()) {
            Map<String, String> config = TestGateway.baseConfig(upstream.url(),
                    TestInfrastructure.get().freshNamespace("gateway-tls-pem"));
            config.put("tls.certificate", certificate.toString());
            config.put("tls.key", key.toString());
            try (GatewayServer gateway = TestGateway.start(config)) {
                HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificate))
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpResponse<String> openapi = trusting.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + gateway.port() + "/api/v1/openapi")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(openapi.statusCode()).isEqualTo(200);
            }
        }
    }

    /** An SSL context that trusts exactly the PEM certificate at {@code pem}. */
    static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
