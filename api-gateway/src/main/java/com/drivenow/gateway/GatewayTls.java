package com.drivenow.gateway;

import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's HTTPS certificate and key from {@code tls}: a PKCS#12 keystore
 * ({@code tls.keystore} + {@code tls.keystorepassword}, its first key entry) or PEM files
 * ({@code tls.certificate} chain + {@code tls.key}, unencrypted PKCS#8). Neither: plain HTTP.
 */
final class GatewayTls {

    private GatewayTls() {
    }

    static Optional<Tls> from(Config tls) {
        String keystore = text(tls, "keystore");
        String certificate = text(tls, "certificate");
        String key = text(tls, "key");
        if (!keystore.isEmpty() && (!certificate.isEmpty() || !key.isEmpty())) {
            throw new IllegalArgumentException("tls: give either tls.keystore or tls.certificate and tls.key, not both");
        }
        if (!keystore.isEmpty()) {
            return Optional.of(fromKeystore(Path.of(keystore), text(tls, "keystorepassword")));
        }
        if (certificate.isEmpty() != key.isEmpty()) {
            throw new IllegalArgumentException("tls: tls.certificate and tls.key go together");
        }
        if (certificate.isEmpty()) {
            return Optional.empty();
        }
        Keys keys = Keys.builder().pem(pem -> pem.key(resource(key)).certChain(resource(certificate))).build();
        PrivateKey privateKey = keys.privateKey()
                .orElseThrow(() -> new IllegalArgumentException("tls.key: no private key in " + key));
        if (keys.certChain().isEmpty()) {
            throw new IllegalArgumentException("tls.certificate: no certificate in " + certificate);
        }
        return Optional.of(Tls.builder().privateKey(privateKey).privateKeyCertChain(keys.certChain()).build());
    }

    private static Tls fromKeystore(Path path, String password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
                    List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                            .map(X509Certificate.class::cast).toList();
                    return Tls.builder().privateKey(key).privateKeyCertChain(chain).build();
                }
            }
            throw new IllegalArgumentException("tls.keystore: " + path + " holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls.keystore: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static Resource resource(String path) {
        Path file = Path.of(path);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("tls: cannot read " + path);
        }
        return Resource.create(file);
    }

    private static String text(Config tls, String key) {
        return tls.get(key).asString().orElse("").trim();
    }
}
