package dev.marquee.server.http;

import dev.marquee.features.FeatureStore;
import dev.marquee.features.FeatureUpdater;
import dev.marquee.features.FreshnessStats;
import dev.marquee.feed.ModelHolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code GET /v1/status}: what the web UI's panel shows — model version, catalogue size, live latency and freshness. */
public final class StatusReport {
    private final FeatureStore store;
    private final ModelHolder models;
    private final FeatureUpdater updater;
    private final MeterRegistry metrics;

    /** @param updater this node's feature updater, or null when another process applies the events */
    public StatusReport(FeatureStore store, ModelHolder models, FeatureUpdater updater, MeterRegistry metrics) {
        this.store = store;
        this.models = models;
        this.updater = updater;
        this.metrics = metrics;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modelVersion", models.current().version());
        var stats = store.stats();
        m.put("videos", stats.videos());
        m.put("users", stats.users());
        m.put("appliedOffset", stats.offset());
        if (updater != null) { // null on nodes whose store is updated by `marquee update` processes
            FreshnessStats f = updater.freshness();
            m.put("freshness", f);
        }
        Timer feed = metrics.find("marquee.http.feed").timer();
        if (feed != null && feed.count() > 0) {
            m.put("feedRequests", feed.count());
            m.put("feedMeanMs", feed.mean(TimeUnit.MILLISECONDS));
            for (ValueAtPercentile p : feed.takeSnapshot().percentileValues()) {
                if (p.percentile() == 0.99) {
                    m.put("feedP99Ms", p.value(TimeUnit.MILLISECONDS));
                }
            }
            m.putIfAbsent("feedP99Ms", feed.max(TimeUnit.MILLISECONDS));
        }
        return m;
    }
}
