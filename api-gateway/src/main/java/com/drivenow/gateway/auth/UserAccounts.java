package com.drivenow.gateway.auth;

import io.helidon.config.Config;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The desk accounts of {@code security.users}: user name, display name, BCrypt hash and roles.
 * Unknown users are checked against a dummy hash so that a wrong user name costs as much time as a
 * wrong password and the two cannot be told apart.
 */
public final class UserAccounts {

    /** BCrypt only reads the first 72 bytes; longer passwords are refused rather than truncated. */
    private static final int BCRYPT_MAX_BYTES = 72;
    private static final int DEFAULT_COST = 10;

    private final Map<String, Account> accounts;
    private final String dummyHash;

    public record Account(String username, String displayName, String passwordHash, List<Role> roles) {
    }

    UserAccounts(List<Account> accounts) {
        Map<String, Account> byName = new LinkedHashMap<>();
        for (Account account : accounts) {
            if (byName.put(account.username(), account) != null) {
                throw new IllegalArgumentException("security.users lists '" + account.username() + "' twice");
            }
        }
        this.accounts = Map.copyOf(byName);
        // As costly as the costliest real hash, so that an unknown name takes as long as a wrong password.
        int cost = accounts.stream().mapToInt(a -> cost(a.passwordHash())).max().orElse(DEFAULT_COST);
        this.dummyHash = BCrypt.hashpw(UUID.randomUUID().toString(), BCrypt.gensalt(cost));
    }

    public static UserAccounts from(Config users) {
        return new UserAccounts(users.asNodeList().orElse(List.of()).stream().map(UserAccounts::account).toList());
    }

    private static Account account(Config node) {
        String username = node.get("username").asString().get();
        String hash = node.get("passwordhash").asString().get();
        if (!hash.startsWith("$2")) {
            throw new IllegalArgumentException("security.users '" + username + "': passwordhash must be a BCrypt hash");
        }
        List<Role> roles = node.get("roles").asList(String.class).get().stream().map(Role::parse).toList();
        return new Account(username, node.get("displayname").asString().orElse(username), hash, roles);
    }

    /** The account's principal when the password is right; empty otherwise, in about the same time. */
    public Optional<Principal> verify(String username, String password) {
        Account account = accounts.get(username);
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES || account == null) {
            BCrypt.checkpw("not-the-password", dummyHash);
            return Optional.empty();
        }
        if (!BCrypt.checkpw(password, account.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(principal(account));
    }

    /** The account as configured now, as a principal: empty when it no longer exists. */
    public Optional<Principal> current(String username) {
        return Optional.ofNullable(accounts.get(username)).map(UserAccounts::principal);
    }

    private static Principal principal(Account account) {
        return new Principal(account.username(), account.displayName(), Set.copyOf(account.roles()), false);
    }

    String dummyHash() {
        return dummyHash;
    }

    /** The cost factor of a BCrypt hash ({@code $2a$12$...} is 12). */
    static int cost(String hash) {
        String[] parts = hash.split("\\$");
        try {
            return Integer.parseInt(parts[2]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a BCrypt hash: its cost cannot be read", e);
        }
    }

    /** Accounts whose password is their own user name, the pattern of every demo account. */
    public List<String> withDemoPasswords() {
        return accounts.values().stream()
                .filter(a -> BCrypt.checkpw(a.username(), a.passwordHash()))
                .map(Account::username)
                .toList();
    }
}
