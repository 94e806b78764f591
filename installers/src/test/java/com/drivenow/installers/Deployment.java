package com.drivenow.installers;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's deployment files as the tests read them: compose.yml, .env.example, the servers' configuration. */
final class Deployment {

    /** Compose service name to the module whose image it runs. */
    static final Map<String, String> SERVERS = Map.of(
            "inventory", "inventory-server",
            "booking", "booking-server",
            "gateway", "api-gateway");

    /** Configuration keys whose values are credentials. */
    static final Pattern SECRET_KEY = Pattern.compile(".*(password|token|secret|sha256).*");

    /** Tests run in the installers folder; everything they check sits at the repository root. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Deployment() {
    }

    static String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SnakeYAML rather than Jackson's YAML reader: compose.yml shares settings through merge keys ({@code <<:}). */
    static Map<String, Object> yaml(String relativePath) {
        return new Yaml().load(read(relativePath));
    }

    static Map<String, Object> compose() {
        return yaml("compose.yml");
    }

    static Map<String, Object> services() {
        return map(compose().get("services"));
    }

    static Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String service) {
        return (Map<String, String>) service(service).getOrDefault("environment", Map.of());
    }

    /** A YAML mapping; an absent one reads as empty. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    /** Every key of a server's application.yaml, lists by index, e.g. {@code security.users.0.username}. */
    static Set<String> configKeys(String module) {
        Set<String> keys = new LinkedHashSet<>();
        flatten("", yaml(module + "/src/main/resources/application.yaml"), keys);
        return keys;
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix + key + ".", value, keys));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + i + ".", list.get(i), keys);
            }
        } else {
            keys.add(prefix.substring(0, prefix.length() - 1));
        }
    }

    /** Helidon's mapping of an environment variable to a configuration key: DB_CONNECTION_URL is db.connection.url. */
    static String configKey(String environmentVariable) {
        return environmentVariable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** The version of the build (the root pom's), which jib tags every server image with besides {@code latest}. */
    static String projectVersion() {
        return group(Pattern.compile("<artifactId>drivenow</artifactId>\\s*<version>([^<]+)</version>"), read("pom.xml"));
    }

    /** The image a server's jib configuration builds: its repository, extra tags and exposed port. */
    record JibImage(String repository, List<String> tags, String port) {
    }

    static JibImage jib(String module) {
        String pom = read(module + "/pom.xml");
        String plugin = pom.substring(pom.indexOf("<artifactId>jib-maven-plugin</artifactId>"));
        String to = group(Pattern.compile("(?s)<to>(.*?)</to>"), plugin);
        Matcher tags = Pattern.compile("<tag>([^<]+)</tag>").matcher(to);
        List<String> extra = new java.util.ArrayList<>();
        while (tags.find()) {
            extra.add(tags.group(1));
        }
        return new JibImage(group(Pattern.compile("<image>([^<:]+):\\$\\{project.version}</image>"), to), extra,
                group(Pattern.compile("<port>(\\d+)</port>"), plugin));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
