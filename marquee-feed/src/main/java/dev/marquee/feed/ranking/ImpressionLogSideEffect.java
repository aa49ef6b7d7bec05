package dev.marquee.feed.ranking;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.IdDictionary;
import dev.marquee.core.PipelineResult;
import dev.marquee.core.SideEffect;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs one {@link ServedImpression} per item of the final page, in position order, with the ranker row and
 * heads exactly as scored ({@link RankingFeatures#RANKER_ROWS}), the model version, the experiment
 * variant and the policy's propensity. Items the ranker did not score (fallback, or inserted after
 * ranking) are logged with empty features and heads and version "none": they count for experiments but
 * are not training examples. One durable append per request.
 */
public final class ImpressionLogSideEffect implements SideEffect {
    public static final ComponentId ID = ComponentId.of("impression-log");
    private static final float[] NONE = new float[0];

    private final ServedImpressionLog log;
    private final IdDictionary videos;

    /** @param videos the feature store's video dictionary (dense → external id) */
    public ImpressionLogSideEffect(ServedImpressionLog log, IdDictionary videos) {
        this.log = log;
        this.videos = videos;
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public void run(FeedQuery query, PipelineResult result) {
        List<Candidate> items = result.items();
        if (items.isEmpty()) {
            return;
        }
        RankerRows rows = query.features().getOrDefault(RankingFeatures.RANKER_ROWS, null);
        String variant = query.features().getOrDefault(RankingFeatures.EXPERIMENT_VARIANT, null);
        List<ServedImpression> records = new ArrayList<>(items.size());
        for (int position = 0; position < items.size(); position++) {
            Candidate c = items.get(position);
            int i = rows == null ? -1 : rows.indexOf(c);
            records.add(new ServedImpression(query.requestId(), query.userId(), videos.external(c.video()), position,
                    query.nowMillis(), i < 0 ? "none" : rows.modelVersion(), variant,
                    i < 0 ? NONE : rows.featuresOf(i), i < 0 ? NONE : rows.headsOf(i), c.propensity()));
        }
        log.append(records);
    }
}
