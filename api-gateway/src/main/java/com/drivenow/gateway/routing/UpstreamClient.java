package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.Principal;
import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.InternalCredentialFilter;
import com.drivenow.platform.web.ProblemException;
import com.drivenow.platform.web.RequestIdFilter;
import com.drivenow.platform.web.RequestIds;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Forwards public calls to one server: the client's method, path, query, body and the few headers
 * the contract names, plus the internal credential and the caller the gateway vouches for. The
 * client's own credentials and any X-Caller-* or X-Internal-Token it sent are never passed on.
 */
public final class UpstreamClient {

    private static final System.Logger LOG = System.getLogger(UpstreamClient.class.getName());
    private static final HeaderName IF_MATCH = HeaderNames.IF_MATCH;
    private static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    private static final List<HeaderName> FORWARDED_REQUEST_HEADERS = List.of(
            HeaderNames.CONTENT_TYPE, HeaderNames.ACCEPT, IF_MATCH, HeaderNames.IF_NONE_MATCH, IDEMPOTENCY_KEY);
    private static final List<HeaderName> RETURNED_RESPONSE_HEADERS = List.of(
            HeaderNames.CONTENT_TYPE, HeaderNames.ETAG, HeaderNames.RETRY_AFTER, HeaderNames.CACHE_CONTROL);

    private final Upstream upstream;
    private final String baseUri;
    private final WebClient client;
    private final String internalToken;
    private final Duration readTimeout;

    public UpstreamClient(Upstream upstream, String baseUri, Duration connectTimeout, Duration readTimeout,
                          String internalToken) {
        this.upstream = upstream;
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.readTimeout = readTimeout;
        this.internalToken = internalToken;
        this.client = WebClient.builder()
                .baseUri(this.baseUri)
                // Without it the last piece of a larger request waits for the server's delayed ACK (40 ms).
                .socketOptions(socket -> socket.tcpNoDelay(true))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .followRedirects(false)
                .build();
    }

    public Upstream upstream() {
        return upstream;
    }

    public String baseUri() {
        return baseUri;
    }

    /** Sends the request with its (already read) body on and streams the server's answer back. */
    public void forward(ServerRequest req, ServerResponse res, Principal caller, byte[] body) {
        String rawQuery = req.query().rawValue();
        String target = baseUri + req.path().absolute().rawPath() + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpClientRequest out = client.method(req.prologue().method()).uri(target).skipUriEncoding(true);
        for (HeaderName name : FORWARDED_REQUEST_HEADERS) {
            req.headers().first(name).ifPresent(value -> out.header(name, value));
        }
        vouch(out, caller);
        try (HttpClientResponse answer = send(out, body, req.prologue().method())) {
            copyAnswer(answer, res);
        }
    }

    /** A server's answer read whole, for the gateway's own handlers that combine servers. */
    public record Answer(Status status, String contentType, String body) {
    }

    /** {@code GET pathAndQuery} on the server for {@code caller}, read whole. */
    public Answer get(String pathAndQuery, Principal caller) {
        HttpClientRequest out = client.get(baseUri + pathAndQuery).skipUriEncoding(true);
        vouch(out, caller);
        try (HttpClientResponse answer = send(out, null, Method.GET)) {
            return new Answer(answer.status(), answer.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                    answer.entity().hasEntity() ? answer.entity().as(String.class) : "");
        }
    }

    private void vouch(HttpClientRequest out, Principal caller) {
        out.header(RequestIdFilter.HEADER, RequestIds.current())
                .header(InternalCredentialFilter.HEADER, internalToken)
                .header(Caller.ID, caller.id())
                .header(Caller.ROLES, caller.rolesHeader())
                .header(Caller.KIND, caller.integration() ? Caller.KIND_INTEGRATION : Caller.KIND_USER);
    }

    private HttpClientResponse send(HttpClientRequest out, byte[] body, Method method) {
        try {
            return body == null ? out.request() : out.submit(body);
        } catch (RuntimeException e) {
            if (causedBy(e, SocketTimeoutException.class)) {
                LOG.log(Level.WARNING, "{0} server did not answer {1} within {2}", upstream, method.text(), readTimeout);
                throw new ProblemException(Status.GATEWAY_TIMEOUT_504, "Gateway timeout",
                        "The " + upstream.configKey() + " server did not answer within " + readTimeout.toMillis()
                                + " ms; the request may or may not have been carried out.");
            }
            LOG.log(Level.WARNING, "{0} server unreachable: {1}", upstream, e.toString());
            throw ProblemException.unavailable("The " + upstream.configKey()
                    + " server is not reachable right now; try again shortly.");
        }
    }

    private void copyAnswer(HttpClientResponse answer, ServerResponse res) {
        res.status(answer.status());
        for (HeaderName name : RETURNED_RESPONSE_HEADERS) {
            answer.headers().first(name).ifPresent(value -> res.header(name, value));
        }
        answer.headers().first(HeaderNames.LOCATION).ifPresent(location -> res.header(HeaderNames.LOCATION,
                publicLocation(location)));
        if (!answer.entity().hasEntity()) {
            res.send();
            return;
        }
        try (InputStream in = answer.inputStream(); OutputStream sink = res.outputStream()) {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The servers may name their own address; clients must only ever see the gateway's paths. */
    String publicLocation(String location) {
        return location.startsWith(baseUri) ? location.substring(baseUri.length()) : location;
    }

    /** True when the server answers at all (any status): used by the gateway's health check. */
    public Optional<Status> probe(Duration timeout) {
        try (HttpClientResponse answer = client.get("/health").readTimeout(timeout).request()) {
            return Optional.of(answer.status());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
