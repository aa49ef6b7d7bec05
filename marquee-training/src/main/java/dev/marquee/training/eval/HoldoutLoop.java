package dev.marquee.training.eval;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.GatedSource;
import dev.marquee.core.PipelineResult;
import dev.marquee.features.UserFeatures;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.rerank.RerankConfig;
import dev.marquee.feed.retrieval.RetrievalConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs every policy and every candidate list for one holdout user after another, as of the holdout start,
 * and accumulates the metrics. Per user: the full pipeline's page (which also hydrates the query the sources
 * read), each source alone with a 1,000 budget, serving's merge at 100/500/1,000, and the popular and random
 * baselines. Baseline policies drop what the pipeline's seen filter drops (long-viewed videos, and videos shown
 * to the user more than the fatigue cap in the last 24 h), so every policy competes on the same eligible set.
 * Users with fewer than {@link RetrievalConfig#newUserMaxEngagements()} engagements before the holdout (the
 * users serving's new-user gate opens for) also count in a second set of recall curves, the new-user slice.
 */
final class HoldoutLoop {
    private final OfflineFeed feed;
    private final CatalogueFacts facts;
    private final EvalConfig config;
    private final long cutoff;
    private final int[] popular;
    private final int[] randomPool;
    private final SplittableRandom random;
    private final int maxImpressions24h = RerankConfig.defaults().maxImpressions24h();
    private final int newUserMaxEngagements;
    private final RecallSlices retrieval;
    private final Map<String, PolicyAccumulator> ranking = new LinkedHashMap<>();
    private final Map<String, Integer> degraded = new LinkedHashMap<>();
    private final List<HoldoutPolicy> extra = new ArrayList<>();
    private long pipelineNanos;

    HoldoutLoop(OfflineFeed feed, CatalogueFacts facts, EvalConfig config, long cutoffMillis) {
        this.feed = feed;
        this.facts = facts;
        this.config = config;
        this.cutoff = cutoffMillis;
        this.popular = java.util.Arrays.stream(facts.byPopularity()).filter(facts::contains).toArray();
        this.randomPool = java.util.stream.IntStream.range(0, facts.size()).filter(facts::contains).toArray();
        this.random = new SplittableRandom(config.seed());
        this.newUserMaxEngagements = feed.servingConfig().newUserMaxEngagements();
        List<String> lists = new ArrayList<>();
        for (GatedSource s : feed.wideSources()) {
            lists.add(EvalReport.sourceKey(s.source().id().name()));
        }
        lists.addAll(List.of("merged", "popular", "random"));
        this.retrieval = new RecallSlices(lists);
        for (String p : List.of("marquee", "popular", "random", "trending", "co-watch", "two-tower", "marquee-no-explore",
                "marquee-no-ranker")) {
            ranking.put(p, new PolicyAccumulator(facts, config.pageSize(), cutoff));
        }
    }

    /** Also measures {@code policy} (an oracle or a diagnostic variant) for every user added after this call. */
    void measure(HoldoutPolicy policy) {
        extra.add(policy);
        ranking.put(policy.name(), new PolicyAccumulator(facts, config.pageSize(), cutoff));
    }

    /** Evaluates one user; {@code relevant} holds dense ids (ids ≥ catalogue size: videos not yet uploaded). */
    void add(int index, String userId, BitSet relevant) {
        long t0 = System.nanoTime();
        PipelineResult page = feed.feed("eval-" + index, userId, config.pageSize(), cutoff, config.seed() + index);
        pipelineNanos += System.nanoTime() - t0;
        page.degraded().keySet().forEach(c -> degraded.merge(c, 1, Integer::sum));
        FeedQuery query = page.query();
        UserFeatures user = query.features().get(FeedFeatures.USER);
        boolean newUser = isNew(user, newUserMaxEngagements);
        ranking.get("marquee").add(ids(page.items(), Integer.MAX_VALUE), page.items().size(), relevant);
        PipelineResult exploit = feed.feedWithoutExploration("eval-" + index, userId, config.pageSize(), cutoff,
                config.seed() + index);
        ranking.get("marquee-no-explore").add(ids(exploit.items(), Integer.MAX_VALUE), exploit.items().size(), relevant);
        PipelineResult unranked = feed.feedWithoutRanker("eval-" + index, userId, config.pageSize(), cutoff,
                config.seed() + index);
        ranking.get("marquee-no-ranker").add(ids(unranked.items(), Integer.MAX_VALUE), unranked.items().size(), relevant);

        List<GatedSource> sources = feed.wideSources();
        List<List<Candidate>> lists = new ArrayList<>(sources.size());
        boolean[] open = new boolean[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            GatedSource g = sources.get(s);
            List<Candidate> list = g.source().fetch(query);
            lists.add(list);
            open[s] = g.gate().open(query);
            int[] ids = ids(list, Integer.MAX_VALUE);
            String key = EvalReport.sourceKey(g.source().id().name());
            retrieval.add(key, ids, relevant, newUser);
            if (ranking.containsKey(key)) {
                int[] page20 = unseen(ids, ids.length, user, config.pageSize());
                ranking.get(key).add(page20, page20.length, relevant);
            }
        }
        // Recall@K of the merged set is serving's merge aimed at K candidates (quotas scaled), not a prefix
        int[][] merged = new int[RecallAccumulator.KS.length][];
        for (int i = 0; i < merged.length; i++) {
            int k = RecallAccumulator.KS[i];
            merged[i] = ids(feed.merge(query, lists, open, k), k);
        }
        retrieval.addPerK("merged", k -> merged[RecallAccumulator.indexOf(k)], relevant, newUser);
        int maxK = RecallAccumulator.KS[RecallAccumulator.KS.length - 1];
        int[] top = unseen(popular, popular.length, user, maxK);
        retrieval.add("popular", top, relevant, newUser);
        ranking.get("popular").add(top, top.length, relevant);
        int[] sample = randomUnseen(user, maxK);
        retrieval.add("random", sample, relevant, newUser);
        ranking.get("random").add(sample, sample.length, relevant);
        for (HoldoutPolicy p : extra) {
            int[] order = p.order(index, userId, user);
            int[] kept = unseen(order, order.length, user, config.pageSize());
            ranking.get(p.name()).add(kept, kept.length, relevant);
        }
    }

    /**
     * Whether the user counts as new for the new-user slice: fewer than {@code maxEngagements} clicks, views and
     * shares before the holdout, the same test as serving's {@code NewUserGate}.
     */
    static boolean isNew(UserFeatures user, int maxEngagements) {
        return user.counts().engagements() < maxEngagements;
    }

    /** The first {@code max} candidates' video ids, in list order. */
    static int[] ids(List<Candidate> list, int max) {
        int n = Math.min(max, list.size());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = list.get(i).video();
        }
        return out;
    }

    /** The first {@code k} servable videos the pipeline's seen filter would keep (not watched, not fatigued). */
    private int[] unseen(int[] order, int length, UserFeatures user, int k) {
        int[] out = new int[Math.min(k, length)];
        int n = 0;
        for (int i = 0; i < length && n < out.length; i++) {
            int v = order[i];
            if (facts.contains(v) && !user.hasWatched(v) && user.impressionsLast24h(v) <= maxImpressions24h) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** A uniform sample without replacement of unseen servable videos (partial Fisher–Yates on a shared pool). */
    private int[] randomUnseen(UserFeatures user, int k) {
        int[] out = new int[Math.min(k, randomPool.length)];
        int n = 0;
        for (int i = 0; i < randomPool.length && n < out.length; i++) {
            int j = i + random.nextInt(randomPool.length - i);
            int t = randomPool[i];
            randomPool[i] = randomPool[j];
            randomPool[j] = t;
            if (!user.hasWatched(randomPool[i]) && user.impressionsLast24h(randomPool[i]) <= maxImpressions24h) {
                out[n++] = randomPool[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    Map<String, RecallCurve> retrieval() {
        return retrieval.all();
    }

    /** The same curves over the new users only (each curve's user count is the slice's size). */
    Map<String, RecallCurve> retrievalNewUsers() {
        return retrieval.newUsers();
    }

    /** Evaluated users in the new-user slice. */
    int newUsers() {
        return retrieval.newUserCount();
    }

    Map<String, PolicyMetrics> ranking() {
        Map<String, PolicyMetrics> out = new LinkedHashMap<>();
        ranking.forEach((k, v) -> out.put(k, v.result()));
        return out;
    }

    /** Components that failed or fell back, with the number of requests they did it in. */
    Map<String, Integer> degraded() {
        return degraded;
    }

    double meanPipelineMillis(int users) {
        return users == 0 ? 0 : pipelineNanos / 1e6 / users;
    }
}
