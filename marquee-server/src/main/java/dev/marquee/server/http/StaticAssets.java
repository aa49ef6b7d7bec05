package dev.marquee.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the web UI's files shipped in the jar (no CDN); contents cached after the first read. In demo mode
 * the page carries the API token ({@code window.MARQUEE_TOKEN}) so the same-origin UI can post events, but
 * only to a browser on a loopback address: a page fetched over the network gets no token and the UI asks
 * the user for one instead.
 */
public final class StaticAssets {
    private static final String APP_SCRIPT = "<script src=\"/static/app.js\"></script>";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final ApiToken uiToken;

    /** @param uiToken token handed to loopback browsers in the page, or null (serve mode: the UI asks) */
    public StaticAssets(ApiToken uiToken) {
        this.uiToken = uiToken;
    }

    public void index(ServerRequest req, ServerResponse res) {
        if (uiToken == null || !fromLoopback(req)) {
            send(res, "index.html");
            return;
        }
        String page = new String(cache.computeIfAbsent("index.html", StaticAssets::load), StandardCharsets.UTF_8);
        // ApiToken.of admits no quote, backslash or angle bracket, so the literal cannot break out of the script
        String withToken = page.replace(APP_SCRIPT,
                "<script>window.MARQUEE_TOKEN = \"" + uiToken.reveal() + "\";</script>\n" + APP_SCRIPT);
        res.header(HeaderNames.CONTENT_TYPE, TYPES.get("html"));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(withToken.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fromLoopback(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
                && a.getAddress().isLoopbackAddress();
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
