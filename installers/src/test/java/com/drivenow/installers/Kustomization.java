package com.drivenow.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl apply -k} does, for the part of kustomize the
 * manifests under deploy/kubernetes use: {@code resources} (files and directories with their own
 * kustomization), JSON 6902 {@code patches} with a {@code target}, {@code namespace}, {@code labels}
 * on metadata only, and {@code images}. Anything else fails, so that a kustomization never means
 * more to kustomize than to these tests. No kustomize binary is needed (none is packaged where the
 * build runs); where kubectl is at hand, {@code KustomizationTest} compares the two renderings.
 */
final class Kustomization {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images", "patches");
    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag");
    /** Of the kinds these manifests use, the ones without a namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");
    private static final Pattern IMAGE = Pattern.compile("([^:@]+(?::\\d+/[^:@]+)?)(?::([^@]+))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Kustomization() {
    }

    /** The resources a kustomization folder renders to, in the order its files list them. */
    static List<ObjectNode> render(Path folder) {
        Map<String, Object> kustomization = yaml(folder.resolve("kustomization.yaml")).getFirst();
        for (String field : kustomization.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(folder + ": kustomization field '" + field + "' is not rendered by these tests");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (Object entry : Deployment.list(kustomization.get("resources"))) {
            Path path = folder.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                yaml(path).forEach(document -> resources.add(JSON.valueToTree(document)));
            }
        }
        // kustomize's order: patches, then the namespace, the labels and the images.
        for (Object patch : Deployment.list(kustomization.get("patches"))) {
            applyPatch(folder, Deployment.map(patch), resources);
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            resources.stream().filter(r -> !CLUSTER_SCOPED.contains(r.path("kind").asText()))
                    .forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", namespace));
        }
        for (Object labels : Deployment.list(kustomization.get("labels"))) {
            Map<String, Object> entry = Deployment.map(labels);
            if (!entry.keySet().equals(Set.of("pairs"))) {
                throw new IllegalArgumentException(folder + ": labels render only 'pairs', on metadata (no selectors or templates): " + entry.keySet());
            }
            Deployment.map(entry.get("pairs")).forEach((key, value) -> resources.forEach(r ->
                    ((ObjectNode) r.get("metadata")).withObject("/labels").put(key, (String) value)));
        }
        for (Object image : Deployment.list(kustomization.get("images"))) {
            Map<String, Object> entry = Deployment.map(image);
            if (!IMAGE_FIELDS.containsAll(entry.keySet())) {
                throw new IllegalArgumentException(folder + ": images render only " + IMAGE_FIELDS + ": " + entry.keySet());
            }
            resources.forEach(r -> setImage(r, entry));
        }
        return resources;
    }

    private static void applyPatch(Path folder, Map<String, Object> patch, List<ObjectNode> resources) {
        if (!patch.keySet().equals(Set.of("target", "patch"))) {
            throw new IllegalArgumentException(folder + ": patches render only an inline JSON 6902 'patch' with a 'target': " + patch.keySet());
        }
        Map<String, Object> target = Deployment.map(patch.get("target"));
        if (!TARGET_FIELDS.containsAll(target.keySet()) || !target.containsKey("kind")) {
            throw new IllegalArgumentException(folder + ": a patch target names its kind, and only " + TARGET_FIELDS + ": " + target.keySet());
        }
        Object operations = new Yaml().load((String) patch.get("patch"));
        if (!(operations instanceof List<?>)) {
            throw new IllegalArgumentException(folder + ": only JSON 6902 patches (a list of operations) are rendered, not strategic merges");
        }
        JsonNode json = JSON.valueToTree(operations);
        int matched = 0;
        for (int i = 0; i < resources.size(); i++) {
            if (matches(resources.get(i), target)) {
                resources.set(i, (ObjectNode) JsonPatch.apply(json, resources.get(i)));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(folder + ": the patch target " + target + " matches no resource");
        }
    }

    private static boolean matches(JsonNode resource, Map<String, Object> target) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return target.get("kind").equals(resource.path("kind").asText())
                && target.getOrDefault("group", group).equals(group)
                && target.getOrDefault("version", version).equals(version)
                && target.getOrDefault("name", resource.path("metadata").path("name").asText())
                .equals(resource.path("metadata").path("name").asText());
    }

    /** Every container or init container image with that name, anywhere in the resource, as kustomize's images field does. */
    private static void setImage(JsonNode node, Map<String, Object> image) {
        node.properties().forEach(field -> {
            if ((field.getKey().equals("containers") || field.getKey().equals("initContainers")) && field.getValue() instanceof ArrayNode containers) {
                for (JsonNode container : containers) {
                    Matcher current = IMAGE.matcher(container.path("image").asText());
                    if (current.matches() && current.group(1).equals(image.get("name"))) {
                        String name = (String) image.getOrDefault("newName", current.group(1));
                        String tag = (String) image.getOrDefault("newTag", current.group(2));
                        ((ObjectNode) container).put("image", tag == null ? name : name + ":" + tag);
                    }
                }
            }
            setImage(field.getValue(), image);
        });
        if (node instanceof ArrayNode array) {
            array.forEach(element -> setImage(element, image));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
