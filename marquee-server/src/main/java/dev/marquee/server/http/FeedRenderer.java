package dev.marquee.server.http;

import dev.marquee.core.Candidate;
import dev.marquee.core.Feature;
import dev.marquee.core.PipelineResult;
import dev.marquee.events.Video;
import dev.marquee.features.FeatureStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Renders a {@link PipelineResult} as the API's feed JSON. Explain output adds each item's per-stage
 * scores, the heads' probabilities, the features it carried and the policy decisions.
 */
public final class FeedRenderer {
    private static final String[] HEADS = {"p_click", "p_watch30", "p_share"};
    private final FeatureStore store;
    private final Supplier<String> modelVersion;

    public FeedRenderer(FeatureStore store, Supplier<String> modelVersion) {
        this.store = store;
        this.modelVersion = modelVersion;
    }

    public Map<String, Object> render(PipelineResult r) {
        boolean explain = r.query().explain();
        List<Map<String, Object>> items = new ArrayList<>(r.items().size());
        int position = 0;
        for (Candidate c : r.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            Optional<Video> video = store.video(c.video());
            item.put("videoId", store.videos().external(c.video()));
            item.put("creatorId", video.map(Video::creatorId).orElse(null));
            item.put("category", video.map(Video::category).orElse(null));
            item.put("title", video.map(Video::title).orElse(null));
            item.put("position", position++);
            item.put("score", c.score());
            item.put("sources", List.copyOf(c.sources().keySet()));
            if (explain) {
                item.put("sourceScores", c.sources());
                item.put("stageScores", c.stageScores());
                float[] heads = c.heads();
                if (heads != null) {
                    Map<String, Object> h = new LinkedHashMap<>();
                    for (int i = 0; i < Math.min(heads.length, HEADS.length); i++) {
                        h.put(HEADS[i], heads[i]);
                    }
                    item.put("heads", h);
                }
                Map<String, Object> features = new LinkedHashMap<>();
                for (Map.Entry<Feature<?, ?>, Object> e : c.features().asMap().entrySet()) {
                    features.put(e.getKey().name(), e.getValue());
                }
                item.put("features", features);
                item.put("decisions", c.decisions());
                item.put("propensity", c.propensity());
            }
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", r.query().userId());
        out.put("requestId", r.query().requestId());
        out.put("modelVersion", modelVersion.get());
        out.put("items", items);
        out.put("timingsMs", r.timingsMs());
        if (!r.degraded().isEmpty() || explain) {
            out.put("degraded", r.degraded());
        }
        if (explain) {
            out.put("candidateCounts", r.candidateCounts());
        }
        return out;
    }
}
