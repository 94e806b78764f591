package com.drivenow.gateway.openapi;

import com.drivenow.platform.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi}: the hand-written OpenAPI 3.1 document of the public API, as YAML, or
 * as JSON when the client prefers {@code application/json}. Open to everyone.
 */
public final class OpenApiService implements HttpService {

    public static final String RESOURCE = "/openapi/drivenow-api.yaml";

    private final String yaml;
    private final String json;

    public OpenApiService() {
        this.yaml = load();
        Map<String, Object> document = new Yaml().load(yaml);
        this.json = Json.write(document);
    }

    /** The document as read from the class path, for tests that compare it with the routes. */
    public static String load() {
        try (InputStream in = OpenApiService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        boolean wantsJson = req.headers().bestAccepted(MediaTypes.APPLICATION_YAML, MediaTypes.APPLICATION_JSON)
                .map(MediaTypes.APPLICATION_JSON::equals).orElse(false);
        res.header(HeaderNames.CONTENT_TYPE, (wantsJson ? HttpMediaType.create(MediaTypes.APPLICATION_JSON)
                : HttpMediaType.create(MediaTypes.APPLICATION_YAML)).withCharset("UTF-8").text());
        res.send(wantsJson ? json : yaml);
    }
}
