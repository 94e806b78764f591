package com.drivenow.gateway.auth;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A token speaks for its user only while the account exists with the roles the token names. */
class AccountChecksTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private static final String HASH = BCrypt.hashpw("pw", BCrypt.gensalt(4));

    private final JwtTokens tokens = new JwtTokens(SECRET, Duration.ofMinutes(15), "test", Clock.systemUTC());
    private final Sessions sessions = new Sessions(Duration.ofHours(1), Duration.ofMinutes(15), 100, Clock.systemUTC());

    @Test
    void aRemovedAccountOrChangedRolesEndTheTokensAtOnce() {
        UserAccounts before = accounts(new UserAccounts.Account("ann", "Ann", HASH, List.of(Role.FLEET_MANAGER)));
        Principal ann = before.verify("ann", "pw").orElseThrow();
        String token = tokens.issue(ann, sessions.open(ann).sessionId()).token();

        assertThat(authenticator(before).refusal(tokens.verify(token))).isNull();
        UserAccounts demoted = accounts(new UserAccounts.Account("ann", "Ann", HASH, List.of(Role.AGENT)));
        assertThat(authenticator(demoted).refusal(tokens.verify(token))).contains("roles changed");
        UserAccounts removed = accounts(new UserAccounts.Account("bob", "Bob", HASH, List.of(Role.AGENT)));
        assertThat(authenticator(removed).refusal(tokens.verify(token))).contains("removed");
    }

    @Test
    void theDummyHashForUnknownUsersCostsAsMuchAsTheCostliestRealOne() {
        String costly = BCrypt.hashpw("pw", BCrypt.gensalt(6));
        UserAccounts accounts = accounts(new UserAccounts.Account("ann", "Ann", HASH, List.of(Role.AGENT)),
                new UserAccounts.Account("bob", "Bob", costly, List.of(Role.AGENT)));
        assertThat(UserAccounts.cost(accounts.dummyHash())).isEqualTo(6);
    }

    private Authenticator authenticator(UserAccounts accounts) {
        return new Authenticator(tokens, new ApiKeys(List.of()), accounts, sessions);
    }

    private static UserAccounts accounts(UserAccounts.Account... accounts) {
        return new UserAccounts(List.of(accounts));
    }
}
