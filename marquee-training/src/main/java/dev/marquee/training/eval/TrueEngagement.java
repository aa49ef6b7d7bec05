package dev.marquee.training.eval;

import dev.marquee.features.FeatureStore;
import dev.marquee.sim.BehaviourModel;
import dev.marquee.sim.World;
import java.util.Arrays;

/**
 * The synthetic world's hidden truth over the evaluated catalogue: for one user, every servable video's expected
 * long views if shown at the top of the page — p(click | position 0, no recent exposure) × p(watch &gt; 30 s | click)
 * from the {@link BehaviourModel}, as of the holdout start (what sim's {@code OraclePolicy} ranks by). Caches the last
 * user's row, so several oracles reading the same user compute it once. Not thread-safe.
 */
final class TrueEngagement {
    private final BehaviourModel model;
    private final World world;
    private final CatalogueFacts facts;
    private final int[] worldVideo;
    private final long atMillis;
    private final double[] row;
    private String cachedUser;

    TrueEngagement(World world, FeatureStore store, CatalogueFacts facts, long atMillis) {
        this.world = world;
        this.model = new BehaviourModel(world);
        this.facts = facts;
        this.atMillis = atMillis;
        this.worldVideo = new int[facts.size()];
        Arrays.fill(worldVideo, -1);
        for (int v = 0; v < facts.size(); v++) {
            if (facts.contains(v)) {
                int w = store.video(v).map(m -> world.videoIndex(m.videoId())).orElse(-1);
                worldVideo[v] = w >= 0 && world.uploadedAt(w) <= atMillis ? w : -1;
            }
        }
        this.row = new double[facts.size()];
    }

    World world() {
        return world;
    }

    /** Dense ids covered (the catalogue facts' size). */
    int size() {
        return worldVideo.length;
    }

    /** The world's index of dense video {@code v}, or -1 when it is not servable at the holdout start. */
    int worldVideo(int v) {
        return worldVideo[v];
    }

    /** Expected long views of showing each dense video at the top to {@code userId}; 0 for unservable ones. Shared. */
    double[] longViewsIfShown(String userId) {
        if (userId.equals(cachedUser)) {
            return row;
        }
        int u = world.userIndex(userId);
        for (int v = 0; v < row.length; v++) {
            int w = worldVideo[v];
            row[v] = w < 0 ? 0 : model.clickProbability(u, w, 0, 0, atMillis) * model.longViewProbability(u, w, atMillis);
        }
        cachedUser = userId;
        return row;
    }

    /** The {@code k} dense ids with the highest {@code score}, best first (ties: lower id first). */
    static int[] top(double[] score, int k) {
        Integer[] best = new Integer[0];
        java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(k + 1,
                (a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b]) : Integer.compare(b, a));
        for (int v = 0; v < score.length; v++) {
            if (score[v] <= 0) {
                continue;
            }
            if (heap.size() < k) {
                heap.add(v);
            } else if (score[v] > score[heap.peek()]) {
                heap.poll();
                heap.add(v);
            }
        }
        best = heap.toArray(best);
        Arrays.sort(best, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        return Arrays.stream(best).mapToInt(Integer::intValue).toArray();
    }
}
