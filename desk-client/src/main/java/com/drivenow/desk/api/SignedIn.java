package com.drivenow.desk.api;

/** The answer to a successful login or refresh; {@code refreshToken} renews the session once. */
public record SignedIn(String accessToken, String tokenType, long expiresIn, String refreshToken, User user) {
}
