package dev.marquee.training.twotower;

import dev.marquee.ann.Neighbours;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.UserFeatures;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.feed.hydration.UserTowerInputs;
import dev.marquee.feed.retrieval.FreshTierMerge;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Offline Recall@K on the temporal holdout (the protocol of Covington et al. RecSys 2016 and Yi et al. RecSys
 * 2019: train on the past, score the next day). For every user with holdout long views, the relevant set is the
 * videos they watched over 30 s in the holdout and had not long-viewed before it; both retrievers exclude
 * already-watched videos, as serving does. Two-tower: the user's embedding from their features as of the holdout
 * start, exact maximum inner product over every video's embedding ({@link CatalogueEmbeddings}), in serving's two
 * tiers when the model has a {@link FreshTierPolicy}. Baseline: the
 * videos with the most long views before the holdout.
 */
public final class RetrievalEvaluation {
    public static final int[] KS = {100, 500, 1000};
    public static final int SLICE_K = 500;
    private static final int USER_CHUNK = 256;

    private final HistoryWeighting weighting;

    public RetrievalEvaluation(HistoryWeighting weighting) {
        this.weighting = weighting;
    }

    public RetrievalReport evaluate(TwoTowerModel model, TwoTowerDatasets data, CatalogueEmbeddings embeddings) {
        return evaluate(model, data, embeddings, null);
    }

    /**
     * As above, with serving's two-tier retrieval: the videos {@code policy} calls fresh (never trained on) searched
     * as their own tier and merged by {@link FreshTierMerge} at each K, as {@code TwoTowerCandidateSource} merges at
     * its K; null policy: one pooled search (a model without a fresh tier).
     */
    public RetrievalReport evaluate(TwoTowerModel model, TwoTowerDatasets data, CatalogueEmbeddings embeddings,
                                    FreshTierPolicy policy) {
        VideoRoster roster = data.roster();
        int n = roster.size(), maxK = KS[KS.length - 1];
        boolean[] fresh = null;
        if (policy != null) {
            fresh = new boolean[n];
            for (int v = 0; v < n; v++) {
                fresh[v] = policy.isFresh(roster.video(v).videoId(), roster.video(v).uploadedAt());
            }
        }
        TieredSearch index = TieredSearch.of(embeddings, fresh);
        FeatureStore store = data.store();
        int[] storeIds = new int[n];
        Arrays.setAll(storeIds, v -> store.videos().find(roster.video(v).videoId()));
        int[] popular = popularOrder(roster);
        int[] viewers = holdoutViewers(data.holdout(), n);
        UserTowerInputs inputs = UserTowerInputs.forModel(model, store.videos(), weighting);
        int[] rankTwoTower = new int[n], rankPopular = new int[n];
        Arrays.fill(rankTwoTower, Integer.MAX_VALUE);
        Arrays.fill(rankPopular, Integer.MAX_VALUE);
        double[] sumTwoTower = new double[KS.length], sumPopular = new double[KS.length];
        ColdStartSlices slices = new ColdStartSlices();
        List<String> users = data.holdout().users();
        int evaluated = 0;
        long pairs = 0;
        for (int from = 0; from < users.size(); from += USER_CHUNK) {
            List<String> chunk = users.subList(from, Math.min(users.size(), from + USER_CHUNK));
            List<UserFeatures> features = new ArrayList<>(chunk.size());
            for (String u : chunk) {
                features.add(store.user(u, data.cutoffMillis()));
            }
            float[] queries = model.embedUsers(inputs.batch(features));
            int d = model.dimension();
            for (int u = 0; u < chunk.size(); u++) {
                UserFeatures f = features.get(u);
                IntPredicate unseen = v -> storeIds[v] < 0 || !f.hasWatched(storeIds[v]);
                int[] relevant = Arrays.stream(data.holdout().longViews(chunk.get(u))).filter(unseen::test).toArray();
                if (relevant.length == 0) {
                    continue;
                }
                Neighbours[] tiers = index.tiers(Arrays.copyOfRange(queries, u * d, (u + 1) * d), maxK, unseen);
                int[] top = topUnseen(popular, unseen, maxK);
                for (int r = 0; r < top.length; r++) {
                    rankPopular[top[r]] = r;
                }
                for (int k = 0; k < KS.length; k++) {
                    // the list serving would return at this K (the fresh tier's quota is a share of K)
                    Neighbours found = FreshTierMerge.merge(tiers[0], tiers[1], KS[k], policy);
                    for (int r = 0; r < found.size(); r++) {
                        rankTwoTower[found.id(r)] = r;
                    }
                    sumTwoTower[k] += recall(relevant, rankTwoTower, KS[k]);
                    sumPopular[k] += recall(relevant, rankPopular, KS[k]);
                    if (KS[k] == SLICE_K) {
                        for (int v : relevant) {
                            boolean isNew = roster.video(v).uploadedAt() >= data.cutoffMillis();
                            slices.add(isNew, viewers[v], rankTwoTower[v] < SLICE_K);
                        }
                    }
                    for (int r = 0; r < found.size(); r++) {
                        rankTwoTower[found.id(r)] = Integer.MAX_VALUE;
                    }
                }
                evaluated++;
                pairs += relevant.length;
                for (int v : top) {
                    rankPopular[v] = Integer.MAX_VALUE;
                }
            }
        }
        if (evaluated == 0) {
            throw new IllegalArgumentException("no user has a holdout long view of an unwatched video: nothing to evaluate");
        }
        for (int k = 0; k < KS.length; k++) {
            sumTwoTower[k] /= evaluated;
            sumPopular[k] /= evaluated;
        }
        return new RetrievalReport(evaluated, pairs, KS.clone(), sumTwoTower, sumPopular, SLICE_K, slices.rows(),
                slices.newPairs(), slices.newRecall(), slices.matchedOldRecall());
    }

    private static double recall(int[] relevant, int[] rank, int k) {
        int hits = 0;
        for (int v : relevant) {
            if (rank[v] < k) {
                hits++;
            }
        }
        return (double) hits / relevant.length;
    }

    /** Roster ids by long views before the holdout, most first (ties by roster id). */
    private static int[] popularOrder(VideoRoster roster) {
        return java.util.stream.IntStream.range(0, roster.size()).boxed()
                .sorted((a, b) -> roster.longViewsBeforeCutoff(a) != roster.longViewsBeforeCutoff(b)
                        ? Integer.compare(roster.longViewsBeforeCutoff(b), roster.longViewsBeforeCutoff(a))
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] topUnseen(int[] order, IntPredicate unseen, int k) {
        int[] out = new int[Math.min(k, order.length)];
        int n = 0;
        for (int i = 0; i < order.length && n < out.length; i++) {
            if (unseen.test(order[i])) {
                out[n++] = order[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] holdoutViewers(HoldoutTruth holdout, int videos) {
        int[] viewers = new int[videos];
        for (String u : holdout.users()) {
            for (int v : holdout.longViews(u)) {
                viewers[v]++;
            }
        }
        return viewers;
    }
}
