package com.drivenow.platform.audit;

import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.RequestIds;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * Records every successful state-changing call of the public API ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE} under {@code /api/}, answered 2xx) in the server's audit trail once it
 * has been answered. The resource is the path's collection ({@code /api/v1/bookings/...} is
 * "bookings"); its id the path's next segment, or for a create the last segment of {@code Location}.
 * A failure to record is logged, never turned into a failed call: the change has happened.
 */
public final class AuditFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(AuditFilter.class.getName());
    private static final Set<Method> CHANGES = Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);
    private static final String API = "/api/v1/";

    private final AuditTrail trail;

    public AuditFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        String path = req.path().absolute().path();
        int status = res.status().code();
        if (!CHANGES.contains(req.prologue().method()) || !path.startsWith(API) || status / 100 != 2) {
            return;
        }
        String[] segments = path.substring(API.length()).split("/");
        String resourceId = segments.length > 1 ? segments[1]
                : res.headers().first(HeaderNames.LOCATION).map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null);
        Caller caller = Caller.of(req);
        String kind = caller.integration() ? Caller.KIND_INTEGRATION : caller.system() ? "SYSTEM" : Caller.KIND_USER;
        try {
            trail.record(caller.id(), kind, String.join(",", caller.roles().stream().sorted().toList()),
                    req.prologue().method().text(), path, status, segments[0], resourceId, RequestIds.current());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record " + req.prologue().method().text() + " " + path + " in the audit trail", e);
        }
    }
}
