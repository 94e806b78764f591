package com.drivenow.gateway.openapi;

import com.drivenow.gateway.GatewayServer;
import com.drivenow.gateway.routing.PublicRoutes;
import com.drivenow.gateway.support.Http;
import com.drivenow.gateway.support.StubUpstream;
import com.drivenow.gateway.support.TestGateway;
import com.drivenow.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and the gateway's routes describe the same operations, no more, no less. */
class OpenApiCoverageTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Served by the gateway itself rather than forwarded. */
    private static final Set<String> GATEWAY_OWN = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
            "POST /api/v1/auth/logout", "GET /api/v1/events", "GET /api/v1/audit",
            "GET /api/v1/openapi");

    private static StubUpstream upstream;
    private static GatewayServer gateway;
    private static Http http;

    @BeforeAll
    static void start() {
        upstream = new StubUpstream();
        gateway = TestGateway.start(TestGateway.baseConfig(upstream.url(),
                TestInfrastructure.get().freshNamespace("gateway-openapi")));
        http = new Http(gateway.port());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        Set<String> routed = PublicRoutes.ALL.stream()
                .map(r -> r.method().text() + " " + r.path()).collect(Collectors.toCollection(HashSet::new));
        routed.addAll(GATEWAY_OWN);

        assertThat(documentedOperations()).isEqualTo(routed);
    }

    @Test
    void everyDocumentedOperationAnswersOnTheRunningGateway() {
        for (String operation : documentedOperations()) {
            String method = operation.split(" ")[0];
            String path = operation.split(" ")[1].replace("{id}", "4b4e0e3c-0000-4000-8000-000000000001")
                    .replace("{code}", "BER-TXL");
            HttpRequest.Builder request = http.request(path).method(method, HttpRequest.BodyPublishers.noBody());
            if (path.endsWith("/events")) {
                request.header("Last-Event-ID", "not-a-number");
            }
            HttpResponse<String> res = http.send(request);
            assertThat(res.statusCode()).as(operation).isNotIn(404, 405);
        }
    }

    @Test
    void theDocumentIsServedWithoutCredentialsAsYamlOrJson() {
        HttpResponse<String> yaml = http.send(http.request("/api/v1/openapi"));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.1.0");

        HttpResponse<String> json = http.send(http.request("/api/v1/openapi").header("Accept", "application/json"));
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(Http.json(json).get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(json.body()).as("a YAML slip turns text into null keys").doesNotContain(":null");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        Map<String, Object> document = new Yaml().load(OpenApiService.load());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> operations = new HashSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
