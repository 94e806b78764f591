package com.drivenow.localstack;

import com.drivenow.localstack.embedded.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The launcher starts a server that died again (saying so), with growing pauses, and not after stop. */
class SupervisedServerTest {

    private static final SupervisedServer.Backoff QUICK = new SupervisedServer.Backoff(Duration.ofMillis(200),
            Duration.ofSeconds(2), Duration.ofMinutes(1));

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private SupervisedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aKilledServerComesBackAndTheLauncherSaysSo(@TempDir Path dir) throws Exception {
        Path jar = fakeServerJar(dir);
        int port = FreePorts.find();
        server = new SupervisedServer("fake", () -> ServerProcess.start("fake", jar, port,
                Map.of("SERVER_PORT", Integer.toString(port)), List.of(), out), Duration.ofSeconds(30), QUICK, out).start();

        for (int kill = 1; kill <= 2; kill++) {
            ServerProcess before = server.current();
            before.kill();
            int restarts = kill;
            await().atMost(Duration.ofSeconds(30)).until(() -> server.restarts() == restarts
                    && server.current() != before && log().contains("fake is back (pid " + server.current().pid()));
            server.current().awaitHealthy(Duration.ofSeconds(10));
        }
        assertThat(log()).contains("fake (pid ").contains("exited with code 137; restarting it in 200 ms (restart 1)")
                .contains("restarting it in 400 ms (restart 2)");

        ServerProcess last = server.current();
        server.stop(Duration.ofSeconds(5));
        assertThat(last.isAlive()).isFalse();
        Thread.sleep(600);
        assertThat(server.restarts()).as("a stopped server stays stopped").isEqualTo(2);
    }

    private String log() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** A jar of {@link FakeServer} alone, runnable with {@code java -jar} as the launcher runs servers. */
    private static Path fakeServerJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServer.class.getName());
        Path jar = dir.resolve("fake-server.jar");
        String entry = FakeServer.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = FakeServer.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
