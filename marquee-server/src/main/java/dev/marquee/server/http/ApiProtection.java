package dev.marquee.server.http;

/**
 * Access control and overload settings of the API.
 *
 * @param token     bearer token required by {@code /v1/events}, {@code /v1/videos}, {@code /v1/users}
 * @param feedAuth  whether {@code GET /v1/feed} requires the token too
 * @param uiToken   whether the web page at {@code /} carries the token for same-origin use (demo mode only,
 *                  and only for requests from a loopback address)
 * @param admission per-endpoint concurrency limits
 */
public record ApiProtection(ApiToken token, boolean feedAuth, boolean uiToken, AdmissionLimits admission) {
    public ApiProtection {
        java.util.Objects.requireNonNull(token, "token");
        java.util.Objects.requireNonNull(admission, "admission");
    }
}
