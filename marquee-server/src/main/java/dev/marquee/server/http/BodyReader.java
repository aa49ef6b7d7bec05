package dev.marquee.server.http;

import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a request body up to a byte limit; past it the request is refused with 413 without buffering the rest. */
final class BodyReader {
    private BodyReader() {
    }

    static String read(ServerRequest req, int maxBytes) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("request body is empty");
        }
        byte[] buf = new byte[Math.min(maxBytes + 1, 64 * 1024)];
        int len = 0;
        try (InputStream in = req.content().inputStream()) {
            while (true) {
                if (len == buf.length) {
                    if (buf.length > maxBytes) {
                        BodyDrain.discard(in); // so the client reads the 413 instead of a reset connection
                        throw new ApiException(413, "request body over the limit of " + maxBytes + " bytes");
                    }
                    buf = java.util.Arrays.copyOf(buf, Math.min(maxBytes + 1, buf.length * 2));
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    break;
                }
                len += n;
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("request body could not be read: " + e.getMessage());
        }
        if (len > maxBytes) {
            throw new ApiException(413, "request body over the limit of " + maxBytes + " bytes");
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
