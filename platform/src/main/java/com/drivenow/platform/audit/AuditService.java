package com.drivenow.platform.audit;

import com.drivenow.platform.web.Caller;
import com.drivenow.platform.web.ProblemException;
import com.drivenow.platform.web.ProblemHandlers;
import com.drivenow.platform.web.QueryParams;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/audit?actor=&resource=&resourceId=&requestId=&from=&to=&page=&size=}: the
 * server's audit trail, newest first, for fleet managers (the gateway merges the servers' trails).
 */
public final class AuditService implements HttpService {

    public static final String PATH = "/api/v1/audit";
    private static final Set<String> READERS = Set.of("FLEET_MANAGER");

    private final AuditTrail trail;

    public AuditService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::find).any("/", ProblemHandlers::methodNotAllowed);
    }

    private void find(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        if (!caller.system() && (caller.integration() || !caller.holdsAnyOf(READERS))) {
            throw ProblemException.forbidden("'" + caller.id() + "' may not read the audit trail; it needs the role FLEET_MANAGER");
        }
        QueryParams query = QueryParams.of(req);
        AuditTrail.Criteria criteria = new AuditTrail.Criteria(query.text("actor"), query.text("resource"),
                query.uuid("resourceId").map(UUID::toString), query.text("requestId"), query.instant("from"),
                query.instant("to"));
        res.send(trail.find(criteria, query.page()));
    }
}
