package com.drivenow.gateway.auth;

import com.drivenow.gateway.guards.BodyReader;
import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.ProblemException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code /api/v1/auth}: {@code POST /login} (name and password for a short access token and a refresh
 * token), {@code POST /refresh} (a refresh token for new ones; the old one stops working) and
 * {@code POST /logout} (ends the session of the bearer token).
 */
public final class LoginService implements HttpService {

    private static final int MAX_FIELD_LENGTH = 200;
    private static final int MAX_REFRESH_TOKEN_LENGTH = 200;

    private final UserAccounts accounts;
    private final JwtTokens tokens;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final BodyReader bodies;
    private final Clock clock;

    public LoginService(UserAccounts accounts, JwtTokens tokens, Sessions sessions, LoginThrottle throttle,
                        BodyReader bodies, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.bodies = bodies;
        this.clock = clock;
    }

    record LoginRequest(String username, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    record User(String username, String displayName, List<String> roles) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                         long refreshExpiresIn, User user) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
                .post("/refresh", this::refresh)
                .post("/logout", this::logout);
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest login = bodies.json(req, LoginRequest.class);
        validate(login);
        throttle.checkAllowed(login.username());
        Principal user = accounts.verify(login.username(), login.password()).orElse(null);
        if (user == null) {
            throttle.failed(login.username());
            throw new Unauthenticated("The user name or password is wrong.");
        }
        throttle.succeeded(login.username());
        res.send(answer(user, sessions.open(user)));
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        RefreshRequest body = bodies.json(req, RefreshRequest.class);
        List<FieldError> errors = new ArrayList<>();
        check("refreshToken", body.refreshToken(), MAX_REFRESH_TOKEN_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Sessions.Issued session = sessions.rotate(body.refreshToken().trim())
                .orElseThrow(() -> new Unauthenticated("The refresh token is not valid (expired, signed out or used"
                        + " before); sign in again."));
        Principal user = accounts.current(session.username()).orElse(null);
        if (user == null || !user.roles().equals(session.roles())) {
            sessions.revoke(session.sessionId());
            throw new Unauthenticated("The account was removed or its roles changed; sign in again.");
        }
        res.send(answer(user, session));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Principal caller = AccessGuard.require(req, EnumSet.allOf(Role.class));
        if (caller.integration()) {
            throw ProblemException.badRequest("API keys have no session to sign out of.");
        }
        sessions.revoke(caller.sessionId());
        res.status(Status.NO_CONTENT_204).send();
    }

    private LoginResponse answer(Principal user, Sessions.Issued session) {
        JwtTokens.IssuedToken token = tokens.issue(user, session.sessionId());
        long refreshSeconds = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return new LoginResponse(token.token(), "Bearer", token.expiresInSeconds(), session.refreshToken(),
                refreshSeconds, new User(user.id(), user.displayName(), user.roleNames()));
    }

    private static void validate(LoginRequest login) {
        List<FieldError> errors = new ArrayList<>();
        check("username", login.username(), MAX_FIELD_LENGTH, errors);
        check("password", login.password(), MAX_FIELD_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void check(String field, String value, int maxLength, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
    }
}
