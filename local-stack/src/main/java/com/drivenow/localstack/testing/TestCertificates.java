package com.drivenow.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool, for tests of
 * HTTPS: the PKCS#12 keystore the gateway serves with, and the certificate in PEM that a client trusts.
 */
public record TestCertificates(Path keystore, String password, Path certificatePem) {

    public static TestCertificates create(Path folder) {
        Path keystore = folder.resolve("gateway.p12");
        Path pem = folder.resolve("gateway.crt");
        String password = "test-keystore-password";
        keytool(List.of("-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password));
        keytool(List.of("-exportcert", "-rfc", "-alias", "gateway", "-keystore", keystore.toString(),
                "-storepass", password, "-file", pem.toString()));
        return new TestCertificates(keystore, password, pem);
    }

    private static void keytool(List<String> args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
