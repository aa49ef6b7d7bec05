package dev.marquee.core;

import java.util.Map;
import java.util.Objects;

/**
 * One feed request as the pipeline sees it. {@code features} starts empty and is filled by the query
 * hydrators (user features, segment, two-tower user embedding) before any source runs.
 *
 * @param requestId    unique id, echoed in the response and the impression log
 * @param userId       external user id (may be unknown: the new-user feed applies)
 * @param limit        page size asked for
 * @param nowMillis    request time, from the injected {@link Clock}
 * @param seed         seed of the request's random source, so a request can be replayed exactly
 * @param explain      whether components should record their decisions
 * @param params       per-request overrides (score weights, experiment variant); empty when none
 * @param features     query-level features filled by hydration
 */
public record FeedQuery(String requestId, String userId, int limit, long nowMillis, long seed, boolean explain,
                        Map<String, Double> params, FeatureMap features) {
    public FeedQuery {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(userId, "userId");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        params = Map.copyOf(params);
        Objects.requireNonNull(features, "features");
    }

    public static FeedQuery of(String requestId, String userId, int limit, long nowMillis, long seed, boolean explain) {
        return new FeedQuery(requestId, userId, limit, nowMillis, seed, explain, Map.of(), new FeatureMap());
    }

    public double param(String name, double fallback) {
        Double v = params.get(name);
        return v == null ? fallback : v;
    }
}
