package dev.marquee.server.http;

import dev.marquee.core.FeatureMap;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.PipelineResult;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code GET /v1/feed/{userId}?limit=20&explain=false[&minOffset=N][&w_click=..]}: parses and bounds the
 * parameters, runs the feed, renders it. Unknown users get the new-user feed (never 404). {@code minOffset}
 * gives read-your-writes: the request waits (at most 200 ms) until the feature store applied that offset.
 */
public final class FeedHandler implements Handler {
    static final int MAX_LIMIT = 100;
    static final Set<String> WEIGHT_PARAMS = Set.of("w_click", "w_watch", "w_share", "w_pop", "w_rate", "w_dur");
    static final Set<String> PARAMS = Set.of("limit", "explain", "minOffset", "w_click", "w_watch", "w_share", "w_pop",
            "w_rate", "w_dur");
    private static final Duration MAX_WAIT = Duration.ofMillis(200);

    private final Function<FeedQuery, PipelineResult> feed;
    private final FeedRenderer renderer;
    private final Watermark features;
    private final LongSupplier clockMillis;
    private final Json out;
    private final Timer latency;
    private final SplittableRandom seeds = new SplittableRandom();

    public FeedHandler(Function<FeedQuery, PipelineResult> feed, FeedRenderer renderer, Watermark features,
                       LongSupplier clockMillis, Json out, MeterRegistry metrics) {
        this.feed = feed;
        this.renderer = renderer;
        this.features = features;
        this.clockMillis = clockMillis;
        this.out = out;
        this.latency = Timer.builder("marquee.http.feed").publishPercentileHistogram().register(metrics);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long t0 = System.nanoTime();
        String userId = PathIds.of(req, "userId");
        QueryParams.allowOnly(req, PARAMS);
        int limit = intParam(req, "limit", 20, 1, MAX_LIMIT);
        boolean explain = boolParam(req, "explain");
        long minOffset = longParam(req, "minOffset", -1);
        Map<String, Double> params = new HashMap<>();
        for (String w : WEIGHT_PARAMS) {
            req.query().first(w).asOptional().ifPresent(v -> params.put(w, weight(w, v)));
        }
        if (minOffset >= 0) {
            try {
                features.awaitApplied(minOffset, MAX_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long seed;
        synchronized (seeds) {
            seed = seeds.nextLong();
        }
        String requestId = Long.toHexString(seed & Long.MAX_VALUE);
        FeedQuery query = new FeedQuery(requestId, userId, limit, clockMillis.getAsLong(), seed, explain, params,
                new FeatureMap());
        PipelineResult result = feed.apply(query);
        out.send(res, 200, renderer.render(result));
        latency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }

    static int intParam(ServerRequest req, String name, int fallback, int min, int max) {
        var v = req.query().first(name).asOptional();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiException.badRequest(name + " must be in [" + min + ", " + max + "], got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + abbreviate(v.get()) + "'");
        }
    }

    static long longParam(ServerRequest req, String name, long fallback) {
        var v = req.query().first(name).asOptional();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < 0) {
                throw ApiException.badRequest(name + " must be ≥ 0, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + abbreviate(v.get()) + "'");
        }
    }

    static boolean boolParam(ServerRequest req, String name) {
        var v = req.query().first(name).asOptional();
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false, got '" + abbreviate(v.get()) + "'");
        };
    }

    private static double weight(String name, String raw) {
        try {
            double w = Double.parseDouble(raw);
            if (!Double.isFinite(w) || w < 0 || w > 1000) {
                throw ApiException.badRequest(name + " must be a finite weight in [0, 1000], got " + abbreviate(raw));
            }
            return w;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, got '" + abbreviate(raw) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
