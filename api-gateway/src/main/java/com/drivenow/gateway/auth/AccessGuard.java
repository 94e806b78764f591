package com.drivenow.gateway.auth;

import com.drivenow.platform.web.ProblemException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.util.Set;

/** The role check of every protected route: 401 without a valid identity, 403 with the wrong role. */
public final class AccessGuard {

    private AccessGuard() {
    }

    public static Principal require(ServerRequest req, Set<Role> allowed) {
        Identity identity = req.context().get(Identity.class).orElse(Identity.ANONYMOUS);
        if (identity.refusal() != null) {
            throw new Unauthenticated(identity.refusal());
        }
        Principal principal = identity.known().orElseThrow(() -> new Unauthenticated(
                "This call needs credentials: 'Authorization: Bearer <token>' from POST /api/v1/auth/login,"
                        + " or 'X-Api-Key: <key>' for integrations."));
        if (!principal.hasAnyOf(allowed)) {
            throw new ProblemException(Status.FORBIDDEN_403, "Forbidden",
                    "'" + principal.id() + "' may not " + req.prologue().method().text() + " "
                            + req.path().absolute().path() + "; it needs one of the roles " + allowed.stream().sorted().toList());
        }
        return principal;
    }
}
