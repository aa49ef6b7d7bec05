package dev.marquee.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the web UI's files shipped in the jar (no CDN); contents cached after the first read. */
public final class StaticAssets {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public void index(ServerRequest req, ServerResponse res) {
        send(res, "index.html");
    }

    public void file(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("file");
        if (name == null || !name.matches("[a-zA-Z0-9_-]+\\.[a-z]+")) {
            throw new ApiException(404, "no such asset");
        }
        send(res, name);
    }

    /** Sends a resource from {@code /web/} or {@code /} (for openapi.json). */
    public void send(ServerResponse res, String name) {
        byte[] bytes = cache.computeIfAbsent(name, StaticAssets::load);
        if (bytes.length == 0) {
            throw new ApiException(404, "no such asset: " + name);
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        res.header(HeaderNames.CONTENT_TYPE, TYPES.getOrDefault(ext, "application/octet-stream"));
        res.send(bytes);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/web/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
