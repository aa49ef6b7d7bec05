package dev.marquee.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request produced.
 *
 * @param query           the hydrated query
 * @param items           the final page, in position order
 * @param timingsMs       milliseconds per stage, in execution order
 * @param candidateCounts candidates produced per source (and after merge/filters)
 * @param degraded        components that failed, ran late or were replaced by a fallback, with the reason
 */
public record PipelineResult(FeedQuery query, List<Candidate> items, Map<String, Double> timingsMs,
                             Map<String, Integer> candidateCounts, Map<String, String> degraded) {
    public PipelineResult {
        items = List.copyOf(items);
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
        candidateCounts = Collections.unmodifiableMap(new LinkedHashMap<>(candidateCounts));
        degraded = Collections.unmodifiableMap(new LinkedHashMap<>(degraded));
    }

    /** This result with {@code more} added to {@link #degraded} (e.g. a backend the node knows is down). */
    public PipelineResult withDegraded(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(degraded);
        all.putAll(more);
        return new PipelineResult(query, items, timingsMs, candidateCounts, all);
    }
}
