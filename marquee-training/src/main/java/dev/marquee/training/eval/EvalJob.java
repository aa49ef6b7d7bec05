package dev.marquee.training.eval;

import dev.marquee.events.EventLog;
import dev.marquee.events.Video;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.UserFeatures;
import dev.marquee.feed.retrieval.VideoCatalogue;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.twotower.TwoTowerConfig;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerTrainer;
import dev.marquee.training.twotower.FreshTierFit;
import dev.marquee.training.twotower.HoldoutTruth;
import dev.marquee.training.twotower.TwoTowerDatasetBuilder;
import dev.marquee.training.twotower.TwoTowerDatasets;
import dev.marquee.training.twotower.TwoTowerJobConfig;
import dev.marquee.training.twotower.TwoTowerJobListener;
import dev.marquee.training.twotower.VideoRoster;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code marquee eval}: the temporal-holdout protocol of Covington et al. (RecSys 2016) applied to the whole
 * funnel. The log's last {@code holdoutDays} UTC days are held out; the two-tower model and the ranker train on
 * the events before (the same point-in-time builders as {@code marquee train}), the feature store is the replay
 * frozen at the holdout start, and serving's pipeline is rebuilt over it ({@link OfflineFeed}). Each evaluated
 * holdout user then gets every policy's list as of the holdout start ({@link HoldoutLoop}); the ground truth is
 * the videos they watched over 30 s in the holdout and had not long-viewed before it.
 */
public final class EvalJob {
    private final EvalConfig config;
    private final EvalExtras extras;

    public EvalJob(EvalConfig config) {
        this(config, EvalExtras.NONE);
    }

    /** With oracles (when {@code extras} holds the synthetic world the log came from) and diagnostic variants. */
    public EvalJob(EvalConfig config, EvalExtras extras) {
        this.config = Objects.requireNonNull(config, "config");
        this.extras = Objects.requireNonNull(extras, "extras");
    }

    /**
     * Evaluates on {@code log}'s current contents; {@code texts} supplies (and caches) title/tag vectors.
     *
     * @throws IllegalArgumentException when the log is too short for the split or has no evaluable holdout user
     */
    public EvalReport run(EventLog log, VideoTextVectors texts, EvalProgress progress) {
        long started = System.nanoTime();
        TwoTowerJobConfig d = TwoTowerJobConfig.defaults();
        TwoTowerConfig model = new TwoTowerConfig(d.model().shape(),
                d.model().training().withEpochs(config.epochs(), 1).withSeed(config.seed()));
        TwoTowerJobConfig tt = new TwoTowerJobConfig(model, d.weighting(), d.features(), config.holdoutMillis(),
                d.validationMillis(), TwoTowerJobConfig.AUTO_CUTOFF, d.dedupeWindowMillis(), d.logQSmoothing());
        TwoTowerDatasets data = new TwoTowerDatasetBuilder(tt).build(log, texts, new TwoTowerJobListener() {
            @Override
            public void phase(String name, long done, long total) {
                progress.phase("two-tower " + name, done, total);
            }
        });
        long[] epochs = {0};
        try (TwoTowerModel twoTower = TwoTowerTrainer.train(data.train(), data.validation(), model, p -> {
            if (p.epochEnd()) {
                progress.phase("two-tower epochs", ++epochs[0], 0);
            }
        });
             HeadsStage.Result heads = new HeadsStage(config).run(log, data.cutoffMillis(), progress);
             OfflineFeed feed = new OfflineFeed(data.store(), texts, twoTower, FreshTierFit.policy(twoTower, data),
                     heads.models().ranker())) {
            progress.phase("indexes built", 1, 1);
            CatalogueFacts facts = facts(data.store(), data.roster(), feed.catalogue());
            HoldoutLoop loop = new HoldoutLoop(feed, facts, config, data.cutoffMillis());
            extras.install(loop, log, feed, data.store(), facts, config, data.cutoffMillis(), data.holdoutEndMillis(),
                    progress);
            HoldoutTruth truth = data.holdout();
            List<String> users = truth.users();
            int stride = Math.max(1, (users.size() + config.maxUsers() - 1) / config.maxUsers());
            int evaluated = 0, holdoutUsers = 0;
            long pairs = 0, unreachable = 0;
            for (int i = 0; i < users.size(); i++) {
                String u = users.get(i);
                UserFeatures f = data.store().user(u, data.cutoffMillis());
                BitSet relevant = new BitSet();
                int notUploaded = relevant(truth.longViews(u), f, data.roster(), data.store(), facts, relevant);
                if (relevant.isEmpty()) {
                    continue;
                }
                holdoutUsers++;
                if ((holdoutUsers - 1) % stride != 0) {
                    continue;
                }
                loop.add(i, u, relevant);
                evaluated++;
                pairs += relevant.cardinality();
                unreachable += notUploaded;
                if (evaluated % 100 == 0) {
                    progress.phase("holdout users", evaluated, Math.min(config.maxUsers(), users.size()));
                }
            }
            if (evaluated == 0) {
                throw new IllegalArgumentException("no holdout user long-viewed a video they had not long-viewed "
                        + "before the holdout: nothing to evaluate (is the holdout window empty?)");
            }
            progress.phase("holdout users", evaluated, evaluated);
            EvalReport.HoldoutSummary summary = new EvalReport.HoldoutSummary(data.cutoffMillis(),
                    data.holdoutEndMillis(), holdoutUsers, evaluated, loop.newUsers(),
                    feed.servingConfig().newUserMaxEngagements(), pairs, unreachable, facts.servableCount(),
                    config.pageSize(), data.train().size(), loop.meanPipelineMillis(evaluated),
                    (System.nanoTime() - started) / 1e9);
            return new EvalReport(summary, loop.retrieval(), loop.retrievalNewUsers(), loop.ranking(), heads.heads(),
                    loop.degraded(), EvalNotes.of(config, stride, summary.newUserMaxEngagements()));
        }
    }

    /**
     * Fills {@code out} with the user's relevant dense ids: holdout long views of videos not long-viewed before.
     * Videos not servable at the cutoff (uploaded during the holdout) get ids past the catalogue, so they stay in
     * the recall denominator but no list can contain them. Returns how many such videos there were.
     */
    static int relevant(int[] rosterIds, UserFeatures user, VideoRoster roster, FeatureStore store,
                                CatalogueFacts facts, BitSet out) {
        int notUploaded = 0;
        for (int r : rosterIds) {
            int dense = store.videos().find(roster.video(r).videoId());
            if (dense >= 0 && facts.contains(dense)) {
                if (!user.hasWatched(dense)) {
                    out.set(dense);
                }
            } else {
                out.set(facts.size() + r);
                notUploaded++;
            }
        }
        return notUploaded;
    }

    static CatalogueFacts facts(FeatureStore store, VideoRoster roster, VideoCatalogue catalogue) {
        int n = store.videos().size();
        boolean[] servable = new boolean[n];
        int[] creator = new int[n], category = new int[n], longViews = new int[n];
        long[] uploaded = new long[n];
        for (int v = 0; v < n; v++) {
            Optional<Video> meta = store.video(v);
            servable[v] = meta.isPresent() && catalogue.contains(v);
            if (meta.isEmpty()) {
                continue;
            }
            creator[v] = Math.max(0, store.creators().find(meta.get().creatorId()));
            category[v] = Math.max(0, store.categories().find(meta.get().category()));
            uploaded[v] = meta.get().uploadedAt();
            int r = roster.find(meta.get().videoId());
            longViews[v] = r < 0 ? 0 : roster.longViewsBeforeCutoff(r);
        }
        return new CatalogueFacts(n, servable, creator, category, CatalogueFacts.ranksOf(longViews), uploaded);
    }
}
