package dev.marquee.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <token>} before the wrapped handler runs; otherwise 401 with a JSON
 * error and {@code WWW-Authenticate}. Refusals are counted ({@code marquee_http_unauthorized_total}) but never
 * logged: neither the presented token nor the path (which may hold a user id) reaches a log line.
 */
final class BearerAuth {
    static final String CHALLENGE = "Bearer realm=\"marquee\"";
    private static final String SCHEME = "bearer ";
    private final ApiToken token;
    private final Counter refused;

    BearerAuth(ApiToken token, MeterRegistry metrics) {
        this.token = token;
        this.refused = Counter.builder("marquee.http.unauthorized").register(metrics);
    }

    Handler require(Handler inner) {
        return (req, res) -> {
            Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
            if (header.isEmpty()) {
                refused.increment();
                throw ApiException.unauthorized("missing bearer token (send Authorization: Bearer <token>)");
            }
            String h = header.get();
            boolean bearer = h.length() > SCHEME.length() && h.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
            if (!bearer || !token.matches(h.substring(SCHEME.length()).strip())) {
                refused.increment();
                throw ApiException.unauthorized("invalid bearer token");
            }
            inner.handle(req, res);
        };
    }
}
