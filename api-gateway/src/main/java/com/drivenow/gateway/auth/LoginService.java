package com.drivenow.gateway.auth;

import com.drivenow.gateway.guards.BodyReader;
import com.drivenow.platform.web.FieldError;
import com.drivenow.platform.web.ProblemException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/auth/login}: a desk user's name and password for a bearer token. */
public final class LoginService implements HttpService {

    private static final int MAX_FIELD_LENGTH = 200;

    private final UserAccounts accounts;
    private final JwtTokens tokens;
    private final BodyReader bodies;

    public LoginService(UserAccounts accounts, JwtTokens tokens, BodyReader bodies) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.bodies = bodies;
    }

    record LoginRequest(String username, String password) {
    }

    record User(String username, String displayName, List<String> roles) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn, User user) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login);
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest login = bodies.json(req, LoginRequest.class);
        validate(login);
        Principal user = accounts.verify(login.username(), login.password())
                .orElseThrow(() -> new Unauthenticated("The user name or password is wrong."));
        JwtTokens.IssuedToken token = tokens.issue(user);
        res.send(new LoginResponse(token.token(), "Bearer", token.expiresInSeconds(),
                new User(user.id(), user.displayName(), user.roleNames())));
    }

    private static void validate(LoginRequest login) {
        List<FieldError> errors = new ArrayList<>();
        check("username", login.username(), errors);
        check("password", login.password(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > MAX_FIELD_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_FIELD_LENGTH + " characters"));
        }
    }
}
