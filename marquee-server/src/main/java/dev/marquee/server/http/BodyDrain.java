package dev.marquee.server.http;

import io.helidon.webserver.http.ServerRequest;
import java.io.InputStream;

/**
 * Reads and discards what is left of a refused request's body (up to a cap) before the error is sent. A
 * refusal decided before the body was read (401, 503, an unknown parameter) would otherwise close the
 * connection while the client is still sending, and the client would see a reset instead of the JSON error.
 * Past the cap the connection is given up: an abusive upload cannot hold a handler for long.
 */
final class BodyDrain {
    static final long CAP_BYTES = 4L << 20;

    private BodyDrain() {
    }

    static void drain(ServerRequest req) {
        try {
            if (!req.content().hasEntity() || req.content().consumed()) {
                return;
            }
            try (InputStream in = req.content().inputStream()) {
                discard(in);
            }
        } catch (Exception e) {
            // the client went away or the stream was already taken: nothing left to protect
        }
    }

    /** Discards the rest of {@code in}, at most {@link #CAP_BYTES}. */
    static void discard(InputStream in) throws java.io.IOException {
        byte[] scratch = new byte[16 * 1024];
        long total = 0;
        for (int n = in.read(scratch); n >= 0 && total < CAP_BYTES; n = in.read(scratch)) {
            total += n;
        }
    }
}
