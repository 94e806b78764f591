package com.drivenow.desk.api;

/** The answer to a successful login. */
public record SignedIn(String accessToken, String tokenType, long expiresIn, User user) {
}
