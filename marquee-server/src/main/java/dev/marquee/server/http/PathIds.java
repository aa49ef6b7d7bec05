package dev.marquee.server.http;

import dev.marquee.events.EventValidator;
import io.helidon.webserver.http.ServerRequest;

/** Path ids obey the same rules as event ids: non-blank, at most 128 characters. */
final class PathIds {
    private PathIds() {
    }

    static String of(ServerRequest req, String name) {
        String id = req.path().pathParameters().get(name);
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest(name + " must not be empty");
        }
        if (id.length() > EventValidator.MAX_ID_CHARS) {
            throw ApiException.badRequest(name + " longer than " + EventValidator.MAX_ID_CHARS + " characters");
        }
        return id;
    }
}
