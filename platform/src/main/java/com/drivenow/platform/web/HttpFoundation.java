package com.drivenow.platform.web;

import com.drivenow.platform.audit.AuditFilter;
import com.drivenow.platform.audit.AuditService;
import com.drivenow.platform.audit.AuditTrail;
import io.helidon.webserver.http.HttpRouting;

/**
 * What every DriveNow server's routing starts with: request ids first (so even a refused call has
 * one), then the internal credential. Routes come after; {@link ProblemHandlers#install} last.
 */
public final class HttpFoundation {

    private HttpFoundation() {
    }

    public static HttpRouting.Builder internalService(HttpRouting.Builder routing, String internalToken) {
        return routing
                .addFilter(new RequestIdFilter())
                .addFilter(new InternalCredentialFilter(internalToken));
    }

    /** The same, plus the audit trail of every successful change and {@code GET /api/v1/audit} to read it. */
    public static HttpRouting.Builder internalService(HttpRouting.Builder routing, String internalToken, AuditTrail audit) {
        return internalService(routing, internalToken)
                .addFilter(new AuditFilter(audit))
                .register(AuditService.PATH, new AuditService(audit));
    }
}
