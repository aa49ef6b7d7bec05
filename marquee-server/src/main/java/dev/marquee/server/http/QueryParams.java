package dev.marquee.server.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.Set;
import java.util.TreeSet;

/** Refuses query parameters an endpoint does not know, so a typo ({@code limt=5}) is a 400, not a silent default. */
final class QueryParams {
    private QueryParams() {
    }

    static void allowOnly(ServerRequest req, Set<String> known) {
        for (String name : req.query().names()) {
            if (!known.contains(name)) {
                String shown = name.length() <= 40 ? name : name.substring(0, 40) + "…";
                throw ApiException.badRequest("unknown query parameter '" + shown + "'"
                        + (known.isEmpty() ? " (this endpoint takes none)" : "; known: " + new TreeSet<>(known)));
            }
        }
    }
}
