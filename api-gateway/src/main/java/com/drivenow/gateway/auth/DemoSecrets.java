package com.drivenow.gateway.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The secrets the default configuration ships so that a first run works, and the check that a
 * production configuration replaced every one of them.
 */
public final class DemoSecrets {

    public static final String JWT_SECRET = "demo-jwt-secret-change-me-0123456789abcdef";
    public static final String API_KEY = "demo-integration-key";
    public static final String INTERNAL_TOKEN = "dev-internal-token";

    private DemoSecrets() {
    }

    /** A description of every demo secret still in use; empty when the configuration is safe. */
    public static List<String> inUse(String jwtSecret, String internalToken, UserAccounts users, ApiKeys keys) {
        List<String> found = new ArrayList<>();
        if (JWT_SECRET.equals(jwtSecret)) {
            found.add("security.jwt.secret is the demo secret");
        }
        if (keys.accepts(API_KEY)) {
            found.add("security.apikeys accepts the demo key '" + API_KEY + "'");
        }
        for (String user : users.withDemoPasswords()) {
            found.add("security.users '" + user + "' has its user name as password");
        }
        return found;
    }
}
