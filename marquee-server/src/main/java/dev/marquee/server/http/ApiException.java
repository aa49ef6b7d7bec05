package dev.marquee.server.http;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and the JSON body {@code {error, details}} to send.
 * Handlers throw it; {@link HttpApi} renders it, so no handler writes error responses itself.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<Map<String, Object>> details;
    private final String retryAfterSeconds;
    private final String challenge;

    public ApiException(int status, String error) {
        this(status, error, List.of(), null);
    }

    public ApiException(int status, String error, List<Map<String, Object>> details, String retryAfterSeconds) {
        this(status, error, details, retryAfterSeconds, null);
    }

    private ApiException(int status, String error, List<Map<String, Object>> details, String retryAfterSeconds,
                         String challenge) {
        super(error, null, false, false); // refusals are routine: no stack trace to fill or log
        this.status = status;
        this.details = List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
    }

    /** 401 with {@code WWW-Authenticate: Bearer realm="marquee"}. */
    public static ApiException unauthorized(String error) {
        return new ApiException(401, error, List.of(), null, BearerAuth.CHALLENGE);
    }

    public static ApiException badRequest(String error) {
        return new ApiException(400, error);
    }

    public static ApiException unavailable(String error) {
        return new ApiException(503, error, List.of(), "1");
    }

    /** Value of the WWW-Authenticate header, or null. */
    public String challenge() {
        return challenge;
    }

    public int status() {
        return status;
    }

    public List<Map<String, Object>> details() {
        return details;
    }

    /** Value of the Retry-After header, or null when the client should not retry. */
    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
