package dev.marquee.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token that guards write and admin endpoints. Only a SHA-256 digest is kept for checks, and a
 * presented token is hashed too before {@link MessageDigest#isEqual}, so the comparison takes the same time
 * whatever the presented length or content. {@link #toString()} never shows the token (configs get logged).
 */
public final class ApiToken {
    static final int MIN_CHARS = 16;
    static final int MAX_CHARS = 256;
    private final String value;
    private final byte[] digest;

    private ApiToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * @throws IllegalArgumentException unless 16–256 printable ASCII characters without spaces (a token from
     *                                  the environment with a stray newline or quote is refused, not trimmed)
     */
    public static ApiToken of(String value) {
        if (value == null || value.length() < MIN_CHARS || value.length() > MAX_CHARS) {
            throw new IllegalArgumentException("API token must be " + MIN_CHARS + "–" + MAX_CHARS + " characters, got "
                    + (value == null ? "none" : value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~' || c == '"' || c == '\\' || c == '<' || c == '>') {
                throw new IllegalArgumentException("API token may hold only printable ASCII without spaces, quotes, "
                        + "backslashes or angle brackets (bad character at index " + i + ")");
            }
        }
        return new ApiToken(value);
    }

    /** A fresh 256-bit token, URL-safe base64 (43 characters). */
    public static ApiToken generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Constant-time check of a presented token (null or any length allowed). */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** The secret itself, for storing it in the token file or handing it to the same-origin demo UI. */
    public String reveal() {
        return value;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
