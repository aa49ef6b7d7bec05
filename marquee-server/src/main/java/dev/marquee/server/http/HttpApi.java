package dev.marquee.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes of API v1 and their error rendering. Every refusal is JSON {@code {error, details}} with a 4xx/5xx;
 * an unexpected exception is logged and answered 500 without internals. Write endpoints (and the feed when
 * configured) pass {@link BearerAuth} first, then an {@link AdmissionGate} per endpoint class, so requests
 * without a token never take a slot; health, metrics and the static UI are never gated.
 *
 * @param feed       {@code GET /v1/feed/{userId}}
 * @param events     {@code POST /v1/events}
 * @param entities   video/user upserts and user deletion
 * @param status     {@code GET /v1/status} body for the web UI's panel
 * @param sampleUsers {@code GET /v1/users/sample}: a few known user ids for the UI's "random user"
 * @param ready      readiness: models, index and features loaded
 * @param protection bearer token, feed auth flag, demo UI token, concurrency limits
 */
public record HttpApi(Handler feed, EventsHandler events, EntityHandlers entities, Supplier<Map<String, Object>> status,
                      Handler sampleUsers, BooleanSupplier ready, PrometheusMeterRegistry metrics, Json json,
                      ApiProtection protection) {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    public WebServer start(String host, int port) {
        StaticAssets assets = new StaticAssets(protection.uiToken() ? protection.token() : null);
        BearerAuth auth = new BearerAuth(protection.token(), metrics);
        AdmissionLimits limits = protection.admission();
        AdmissionGate feedGate = new AdmissionGate("feed", limits.feed(), limits.maxWait(), metrics);
        AdmissionGate eventGate = new AdmissionGate("events", limits.events(), limits.maxWait(), metrics);
        AdmissionGate writeGate = new AdmissionGate("writes", limits.writes(), limits.maxWait(), metrics);
        AdmissionGate readGate = new AdmissionGate("reads", limits.reads(), limits.maxWait(), metrics);
        Handler feedRoute = feedGate.guard(feed);
        HttpRouting.Builder routing = HttpRouting.builder()
                .get("/v1/feed/{userId}", protection.feedAuth() ? auth.require(feedRoute) : feedRoute)
                .post("/v1/events", auth.require(eventGate.guard(events)))
                .put("/v1/videos/{videoId}", auth.require(writeGate.guard(entities::putVideo)))
                .get("/v1/users/sample", auth.require(readGate.guard(sampleUsers)))
                .put("/v1/users/{userId}", auth.require(writeGate.guard(entities::putUser)))
                .delete("/v1/users/{userId}", auth.require(writeGate.guard(entities::deleteUser)))
                .get("/v1/status", readGate.guard((req, res) -> {
                    QueryParams.allowOnly(req, java.util.Set.of());
                    json.send(res, 200, status.get());
                }))
                .get("/health/live", (req, res) -> json.send(res, 200, Map.of("status", "UP")))
                .get("/health/ready", (req, res) -> {
                    boolean up = ready.getAsBoolean();
                    json.send(res, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
                })
                .get("/metrics", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    res.send(metrics.scrape());
                })
                .get("/openapi.json", (req, res) -> assets.send(res, "openapi.json"))
                .get("/", assets::index)
                .get("/static/{file}", assets::file)
                .error(ApiException.class, (req, res, e) -> {
                    BodyDrain.drain(req);
                    if (e.retryAfterSeconds() != null) {
                        res.header(HeaderNames.RETRY_AFTER, e.retryAfterSeconds());
                    }
                    if (e.challenge() != null) {
                        res.header(HeaderNames.WWW_AUTHENTICATE, e.challenge());
                    }
                    json.send(res, e.status(), body(e.getMessage(), e));
                })
                .error(HttpException.class, (req, res, e) -> {
                    BodyDrain.drain(req);
                    // routing refusals (no such endpoint, method not allowed, bad encoding): their own 4xx, as JSON
                    int code = e.status().code();
                    if (code >= 500) {
                        LOG.error("HTTP layer failure on {} {}", req.prologue().method(), req.matchingPattern().orElse("?"), e);
                    }
                    json.send(res, code, Map.of("error", code >= 500 ? "internal error" : String.valueOf(e.getMessage()),
                            "details", java.util.List.of()));
                })
                .error(Exception.class, (req, res, e) -> {
                    // the route pattern, not the path: paths hold user ids, which stay out of logs
                    LOG.error("unexpected failure on {} {}", req.prologue().method(),
                            req.matchingPattern().orElse("?"), e);
                    json.send(res, Status.INTERNAL_SERVER_ERROR_500.code(),
                            Map.of("error", "internal error", "details", java.util.List.of()));
                });
        return WebServer.builder().host(host).port(port).routing(routing)
                .addProtocol(io.helidon.webserver.http1.Http1Config.builder().maxPrologueLength(MAX_REQUEST_LINE).build())
                .directHandlers(TransportErrors.handlers(json.mapper())).build().start();
    }

    /**
     * Longest request line accepted (16 KiB; Helidon's default is 4 KiB). A longer one is refused before routing
     * and the connection closed, and a client still sending a large body then sees a reset instead of the answer:
     * within this limit every request reaches the handlers and gets a JSON 4xx.
     */
    static final int MAX_REQUEST_LINE = 16 * 1024;

    private static Map<String, Object> body(String error, ApiException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("details", e.details());
        return m;
    }
}
