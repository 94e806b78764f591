package com.drivenow.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tests' kustomize ({@link Kustomization}) renders what it claims to and refuses the rest. */
class KustomizationTest {

    @TempDir
    Path folder;

    @Test
    void aFieldItDoesNotRenderFails() throws IOException {
        write("kustomization.yaml", "resources: [map.yaml]\nreplicas:\n  - name: x\n    count: 3\n");
        write("map.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("'replicas'");
    }

    @Test
    void strategicMergePatchesAndLabelsOnSelectorsFail() throws IOException {
        write("map.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        write("kustomization.yaml", "resources: [map.yaml]\npatches:\n  - target: {kind: ConfigMap}\n    patch: |-\n      data: {a: b}\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("strategic");
        write("kustomization.yaml", "resources: [map.yaml]\nlabels:\n  - pairs: {a: b}\n    includeSelectors: true\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("selectors");
    }

    @Test
    void aPatchThatMatchesNothingFails() throws IOException {
        write("map.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        write("kustomization.yaml", "resources: [map.yaml]\npatches:\n  - target: {kind: ConfigMap, name: y}\n    patch: |-\n"
                + "      - op: add\n        path: /data\n        value: {a: b}\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("matches no resource");
    }

    @Test
    void rendersTheBaseAndTheOverlaysAsKubectlDoes() throws Exception {
        assumeTrue(kubectl(), "no kubectl on the PATH to compare with (it is optional: the other tests need none)");
        for (String overlay : List.of("base", "overlays/dev", "overlays/production")) {
            Path path = Deployment.ROOT.resolve("deploy/kubernetes").resolve(overlay);
            Path rendered = folder.resolve("rendered.yaml");
            Path errors = folder.resolve("errors.txt");
            Process process = new ProcessBuilder("kubectl", "kustomize", path.toString())
                    .redirectOutput(rendered.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish in 2 minutes");
            }
            assertThat(process.exitValue()).as("kubectl kustomize %s: %s", overlay, Files.readString(errors)).isZero();
            String output = Files.readString(rendered);
            List<JsonNode> kubectl = new ArrayList<>();
            new Yaml().loadAll(output).forEach(document -> kubectl.add(new ObjectMapper().valueToTree(document)));
            assertThat(new HashSet<JsonNode>(Kustomization.render(path))).as(overlay).isEqualTo(new HashSet<>(kubectl));
        }
    }

    private static boolean kubectl() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(folder.resolve(file), content);
    }
}
