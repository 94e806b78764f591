package com.drivenow.gateway.routing;

import com.drivenow.gateway.auth.Principal;
import com.drivenow.platform.lifecycle.Drain;
import com.drivenow.platform.lifecycle.Replicas;
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
 *
 * <p>The server may run as several replicas ({@code upstream.<name>} is then a comma-separated list
 * of URLs): calls take them by turns, and a call goes on to the next replica when the connection
 * could not be made, when a draining replica refused it ({@link Drain#HEADER}: nothing was done), or
 * when any other failure hit a call that is safe to repeat (GET, or a create with an
 * Idempotency-Key). Any other call that failed midway answers 503 (504 after the read timeout), as
 * with a single server: it may have been carried out, and the client decides.
 */
public final class UpstreamClient {

    private static final System.Logger LOG = System.getLogger(UpstreamClient.class.getName());
    private static final HeaderName IF_MATCH = HeaderNames.IF_MATCH;
    private static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    private static final List<HeaderName> FORWARDED_REQUEST_HEADERS = List.of(
            HeaderNames.CONTENT_TYPE, HeaderNames.ACCEPT, IF_MATCH, HeaderNames.IF_NONE_MATCH, IDEMPOTENCY_KEY);
    /** How long a replica that could not be reached is tried only after the others. */
    private static final Duration REPLICA_COOLDOWN = Duration.ofSeconds(2);
    private static final List<HeaderName> RETURNED_RESPONSE_HEADERS = List.of(
            HeaderNames.CONTENT_TYPE, HeaderNames.ETAG, HeaderNames.RETRY_AFTER, HeaderNames.CACHE_CONTROL);

    private final Upstream upstream;
    private final Replicas replicas;
    private final WebClient client;
    private final String internalToken;
    private final Duration readTimeout;

    public UpstreamClient(Upstream upstream, String baseUri, Duration connectTimeout, Duration readTimeout,
                          String internalToken) {
        this.upstream = upstream;
        this.replicas = Replicas.parse(baseUri, REPLICA_COOLDOWN);
        this.readTimeout = readTimeout;
        this.internalToken = internalToken;
        this.client = WebClient.builder()
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

    /** The replicas' URLs, comma-separated. */
    public String baseUri() {
        return replicas.toString();
    }

    /**
     * Sends the request with its (already read) body on, to another replica when that is safe, and
     * streams the server's answer back.
     */
    public void forward(ServerRequest req, ServerResponse res, Principal caller, byte[] body) {
        String rawQuery = req.query().rawValue();
        String pathAndQuery = req.path().absolute().rawPath() + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
        Method method = req.prologue().method();
        boolean repeatable = method == Method.GET || req.headers().contains(IDEMPOTENCY_KEY);
        List<String> order = replicas.order();
        for (int i = 0; i < order.size(); i++) {
            String replica = order.get(i);
            boolean last = i == order.size() - 1;
            HttpClientResponse answer;
            try {
                answer = send(request(req, caller, method, replica + pathAndQuery), body);
            } catch (RuntimeException e) {
                if (!last && (Replicas.neverConnected(e) || repeatable)) {
                    replicas.failed(replica);
                    LOG.log(Level.INFO, "{0} replica {1} failed ({2}); trying the next", upstream, replica, e.toString());
                    continue;
                }
                throw failure(e, method);
            }
            try (answer) {
                if (!last && answer.status() == Status.SERVICE_UNAVAILABLE_503 && answer.headers().contains(Drain.HEADER)) {
                    replicas.failed(replica);
                    continue;
                }
                replicas.succeeded(replica);
                copyAnswer(answer, res);
                return;
            }
        }
    }

    /** A server's answer read whole, for the gateway's own handlers that combine servers. */
    public record Answer(Status status, String contentType, String body) {
    }

    /** {@code GET pathAndQuery} on a replica of the server for {@code caller}, read whole (a GET may go to the next). */
    public Answer get(String pathAndQuery, Principal caller) {
        List<String> order = replicas.order();
        for (int i = 0; ; i++) {
            String replica = order.get(i);
            HttpClientRequest out = vouch(client.get(replica + pathAndQuery).skipUriEncoding(true), caller);
            try (HttpClientResponse answer = send(out, null)) {
                replicas.succeeded(replica);
                return new Answer(answer.status(), answer.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                        answer.entity().hasEntity() ? answer.entity().as(String.class) : "");
            } catch (RuntimeException e) {
                replicas.failed(replica);
                if (i == order.size() - 1) {
                    throw failure(e, Method.GET);
                }
            }
        }
    }

    private HttpClientRequest request(ServerRequest req, Principal caller, Method method, String target) {
        HttpClientRequest out = client.method(method).uri(target).skipUriEncoding(true);
        for (HeaderName name : FORWARDED_REQUEST_HEADERS) {
            req.headers().first(name).ifPresent(value -> out.header(name, value));
        }
        return vouch(out, caller);
    }

    /** The internal credential, the request id and the caller the gateway vouches for. */
    private HttpClientRequest vouch(HttpClientRequest out, Principal caller) {
        return out.header(RequestIdFilter.HEADER, RequestIds.current())
                .header(InternalCredentialFilter.HEADER, internalToken)
                .header(Caller.ID, caller.id())
                .header(Caller.ROLES, caller.rolesHeader())
                .header(Caller.KIND, caller.integration() ? Caller.KIND_INTEGRATION : Caller.KIND_USER);
    }

    private static HttpClientResponse send(HttpClientRequest out, byte[] body) {
        return body == null ? out.request() : out.submit(body);
    }

    private ProblemException failure(RuntimeException e, Method method) {
        if (causedBy(e, SocketTimeoutException.class)) {
            LOG.log(Level.WARNING, "{0} server did not answer {1} within {2}", upstream, method.text(), readTimeout);
            return new ProblemException(Status.GATEWAY_TIMEOUT_504, "Gateway timeout",
                    "The " + upstream.configKey() + " server did not answer within " + readTimeout.toMillis()
                            + " ms; the request may or may not have been carried out.");
        }
        LOG.log(Level.WARNING, "{0} server unreachable: {1}", upstream, e.toString());
        return ProblemException.unavailable("The " + upstream.configKey()
                + " server is not reachable right now; try again shortly.");
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
        return replicas.relative(location);
    }

    /** True when a replica answers at all (any status): used by the gateway's health check. */
    public Optional<Status> probe(Duration timeout) {
        for (String replica : replicas.all()) {
            try (HttpClientResponse answer = client.get(replica + "/health").readTimeout(timeout).request()) {
                return Optional.of(answer.status());
            } catch (RuntimeException e) {
                // the next one, if any
            }
        }
        return Optional.empty();
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
