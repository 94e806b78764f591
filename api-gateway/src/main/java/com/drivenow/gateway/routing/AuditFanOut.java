package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.AccessGuard;
import com.drivenow.gateway.auth.Principal;
import com.drivenow.gateway.auth.Role;
import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.ProblemException;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.QueryParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code GET /api/v1/audit} for fleet managers: each server keeps the trail of the changes made to
 * its data; this asks every one with the same filters and merges their answers newest first into one
 * page. Deep pages cost every server the rows before them, so a page must end within
 * {@value #MAX_DEPTH} entries (narrow the window with from/to beyond that).
 */
public final class AuditFanOut implements HttpService {

    static final int MAX_DEPTH = QueryParams.MAX_PAGE_SIZE;
    private static final Set<String> FILTERS = Set.of("actor", "resource", "resourceId", "requestId", "from", "to");
    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator
            .comparing((JsonNode e) -> Instant.parse(e.path("at").asText())).reversed()
            .thenComparing(e -> e.path("id").asLong(), Comparator.reverseOrder());

    private final List<UpstreamClient> servers;

    public AuditFanOut(Map<Upstream, UpstreamClient> clients) {
        this.servers = List.copyOf(clients.values());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::find).any("/", ProblemHandlers::methodNotAllowed);
    }

    private void find(ServerRequest req, ServerResponse res) {
        Principal caller = AccessGuard.require(req, Set.of(Role.FLEET_MANAGER));
        var page = QueryParams.of(req).page();
        long depth = page.offset() + page.size();
        if (depth > MAX_DEPTH) {
            throw ProblemException.badRequest("page and size reach entry " + depth + "; the audit trail pages up to "
                    + MAX_DEPTH + " entries: narrow it with from and to.");
        }
        String query = query(req, depth);
        List<JsonNode> merged = new ArrayList<>();
        long total = 0;
        for (UpstreamClient server : servers) {
            UpstreamClient.Answer answer = server.get("/api/v1/audit" + query, caller);
            if (answer.status() != Status.OK_200) {
                // A refused filter (400) or a refusal (403) reads the same from every server: pass the first on.
                res.status(answer.status()).header(HeaderNames.CONTENT_TYPE, answer.contentType()).send(answer.body());
                return;
            }
            JsonNode body = read(answer.body());
            total += body.path("total").asLong();
            body.path("items").forEach(merged::add);
        }
        merged.sort(NEWEST_FIRST);
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode items = answer.putArray("items");
        merged.stream().skip(page.offset()).limit(page.size()).forEach(items::add);
        answer.put("page", page.page()).put("size", page.size()).put("total", total);
        res.header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(answer));
    }

    /** The client's filters as they came, and the first {@code depth} entries of each server. */
    private static String query(ServerRequest req, long depth) {
        StringJoiner query = new StringJoiner("&", "?", "");
        for (String name : FILTERS) {
            req.query().first(name)
                    .ifPresent(value -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return query.add("page=0").add("size=" + depth).toString();
    }

    private static JsonNode read(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
