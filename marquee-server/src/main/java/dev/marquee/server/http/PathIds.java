package dev.marquee.server.http;

import dev.marquee.events.EventValidator;
import io.helidon.webserver.http.ServerRequest;

/**
 * Path ids obey the same rules as event ids (non-blank, at most 128 characters, not a dot segment) and hold no control
 * characters or unpaired surrogates, which no client id legitimately contains and which would not survive
 * the log's UTF-8 encoding unchanged.
 */
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
        if (EventValidator.isDotSegment(id)) {
            throw ApiException.badRequest(name + " must not be '" + id + "': a dot segment cannot be named in a URL path");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                throw ApiException.badRequest(name + " contains a control character at index " + i);
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < id.length()
                        && Character.isLowSurrogate(id.charAt(i + 1));
                if (!paired) {
                    throw ApiException.badRequest(name + " contains an unpaired surrogate at index " + i);
                }
                i++;
            }
        }
        return id;
    }
}
