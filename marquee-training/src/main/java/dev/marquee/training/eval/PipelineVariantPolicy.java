package dev.marquee.training.eval;

import dev.marquee.core.Candidate;
import dev.marquee.core.Pipeline;
import dev.marquee.core.PipelineResult;
import dev.marquee.features.UserFeatures;
import java.util.List;

/** A diagnostic variant of the full pipeline (same sources, filters and re-rank, another scorer): its page. */
final class PipelineVariantPolicy implements HoldoutPolicy {
    private final String name;
    private final OfflineFeed feed;
    private final Pipeline pipeline;
    private final EvalConfig config;
    private final long cutoff;

    PipelineVariantPolicy(String name, OfflineFeed feed, Pipeline pipeline, EvalConfig config, long cutoffMillis) {
        this.name = name;
        this.feed = feed;
        this.pipeline = pipeline;
        this.config = config;
        this.cutoff = cutoffMillis;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] order(int index, String userId, UserFeatures user) {
        PipelineResult page = feed.feed(pipeline, "eval-" + index, userId, config.pageSize(), cutoff,
                config.seed() + index);
        List<Candidate> items = page.items();
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).video();
        }
        return out;
    }
}
