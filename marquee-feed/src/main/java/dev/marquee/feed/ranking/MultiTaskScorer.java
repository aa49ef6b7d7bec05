package dev.marquee.feed.ranking;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Scorer;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.models.ranker.RankerModel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scores every candidate in one batch with the current multi-task ranker (MMoE, Ma et al. KDD 2018, or
 * shared-bottom) and ranks by {@link ScoreWeights} (heads times a popularity prior): heads go to {@link Candidate#heads()}, the weighted sum
 * to the score, and the rows and predictions to {@link RankingFeatures#RANKER_ROWS} for the impression
 * log. Throws (so the executor switches to the fallback) when no ranker is loaded or its schema is not
 * {@link RankerFeatureSchema#SCHEMA}. Needs {@link FeedFeatures#USER} and {@link FeedFeatures#VIDEOS}.
 */
public final class MultiTaskScorer implements Scorer {
    public static final ComponentId ID = ComponentId.of("multi-task");

    private final ModelHolder models;
    private final RankerFeatures features;
    private final ScoreWeights weights;
    private volatile RankerModel schemaChecked;

    public MultiTaskScorer(ModelHolder models, RankerFeatures features, ScoreWeights weights) {
        this.models = Objects.requireNonNull(models, "models");
        this.features = Objects.requireNonNull(features, "features");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public void score(FeedQuery query, List<Candidate> candidates) {
        ServingModels snapshot = models.current();
        RankerModel ranker = snapshot.ranker();
        if (ranker == null) {
            throw new IllegalStateException("no ranker model loaded (models version " + snapshot.version() + ")");
        }
        checkSchema(ranker);
        ScoreWeights w = weights.forQuery(query);
        int n = candidates.size();
        if (n == 0) {
            return;
        }
        UserFeatures user = query.features().get(FeedFeatures.USER);
        VideoFeatureBatch videos = query.features().get(FeedFeatures.VIDEOS);
        float[] userEmbedding = query.features().getOrDefault(FeedFeatures.USER_EMBEDDING, null);
        int width = features.width();
        float[] rows = new float[n * width];
        float[] heads = new float[n * RankerHeads.COUNT];
        features.assemble(user, userEmbedding, videos, candidates, query.nowMillis(), rows);
        ranker.predict(rows, n, heads);
        int[] videoOfRow = new int[n];
        int[] rowIndex = new int[videos.size()];
        Arrays.fill(rowIndex, -1);
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            videoOfRow[i] = c.video();
            rowIndex[c.row()] = i;
            int h = i * RankerHeads.COUNT;
            float pClick = heads[h + RankerHeads.CLICK], pWatch = heads[h + RankerHeads.WATCH_30S],
                    pShare = heads[h + RankerHeads.SHARE];
            c.heads(new float[] {pClick, pWatch, pShare});
            c.score(ID.name(), w.score(pClick, pWatch, pShare, videos.longViews24h(c.row()),
                    videos.longViewRate(c.row()), videos.durationSeconds(c.row())));
            if (query.explain()) {
                c.decide(String.format("multi-task %s: p_click=%.4f p_watch30=%.4f p_share=%.5f long_views_24h=%.1f "
                                + "long_view_rate=%.4f duration_s=%d", snapshot.version(), pClick, pWatch, pShare,
                        videos.longViews24h(c.row()), videos.longViewRate(c.row()), videos.durationSeconds(c.row())));
            }
        }
        query.features().put(RankingFeatures.RANKER_ROWS,
                new RankerRows(snapshot.version(), width, n, rows, heads, videoOfRow, rowIndex));
    }

    private void checkSchema(RankerModel ranker) {
        if (schemaChecked == ranker) {
            return;
        }
        if (!ranker.schema().equals(features.schema())) {
            throw new IllegalStateException("the loaded ranker expects another feature schema than RankerFeatures "
                    + "writes (" + ranker.schema().width() + " vs " + features.width() + " columns); retrain it");
        }
        schemaChecked = ranker;
    }
}
