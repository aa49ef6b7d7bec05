package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.SegmentKey;
import dev.marquee.features.TopN;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cold start for users: what people like them watch, as a popularity distribution over videos smoothed down the
 * segment hierarchy (Dirichlet-prior smoothing of a sparse count distribution toward a background one, as in
 * Zhai and Lafferty, SIGIR 2001; here applied level by level, like a hierarchical Pólya urn).
 * <p>
 * With c_s(v) the decayed long views of video v in segment s (country × device × age band, then country × age,
 * country, global), N_s their sum over s's list and α = {@link RetrievalConfig#segmentPrior()}:
 * <pre>
 *   p_global(v) = c_global(v) / N_global
 *   p_s(v)      = (c_s(v) + α · p_parent(s)(v)) / (N_s + α)
 * </pre>
 * and candidates are ranked by p of the user's finest segment. A large segment is ranked by its own counts, a thin
 * one borrows its parent's ranking in proportion, and the list never runs short: videos only the coarser segments
 * know fill it up to {@link RetrievalConfig#segmentK()} (measured on the generated world's new users, where the
 * finest segments hold a few dozen videos: the finest-segment list alone recalled less than global popularity).
 * A segment with fewer than {@link RetrievalConfig#segmentMinSize()} videos is skipped. The finest segment used
 * is recorded on each candidate when the request asks for {@code explain}.
 */
public final class SegmentPopularCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("segment-popular");
    /**
     * How long (query time) one segment's smoothed list is reused: every user of a segment shares it, a 24 h
     * popularity barely moves in a second, and recomputing it (four top-k reads and a merge) cost ~180 µs per
     * request at 50k videos once the source ran for every user.
     */
    static final long REUSE_MILLIS = 1_000;

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;
    private final ConcurrentHashMap<SegmentKey, Distribution> recent = new ConcurrentHashMap<>();

    public SegmentPopularCandidateSource(FeatureStore store, VideoCatalogue catalogue, RetrievalConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> fetch(FeedQuery query) {
        SegmentKey finest = query.features().get(FeedFeatures.USER).segment();
        long now = query.nowMillis();
        Distribution d = recent.get(finest);
        if (d == null || now - d.computedAt() >= REUSE_MILLIS || now < d.computedAt()) {
            d = compute(finest, now);
            recent.put(finest, d);
        }
        List<Candidate> out = new ArrayList<>(d.videos().length);
        String decision = query.explain()
                ? "segment " + d.used().level() + " " + d.used() + " smoothed over " + d.levels() + " level(s)" : null;
        for (int i = 0; i < d.videos().length; i++) {
            if (catalogue.contains(d.videos()[i])) {
                Candidate c = Candidate.from(d.videos()[i], ID.name(), d.scores()[i]);
                if (decision != null) {
                    c.decide(decision);
                }
                out.add(c);
            }
        }
        return out;
    }

    /** The smoothed top {@link RetrievalConfig#segmentK()} of one finest segment as of {@code now}, best first. */
    private Distribution compute(SegmentKey finest, long now) {
        int k = config.segmentK();
        List<TopN> levels = new ArrayList<>(4);
        SegmentKey used = null;
        for (SegmentKey key = finest; ; key = key.coarser()) {
            TopN top = store.segmentTop(key, k, now);
            if (top.size() >= config.segmentMinSize() || key.level() == SegmentKey.Level.GLOBAL) {
                levels.add(top);
                used = used == null ? key : used;
            }
            if (key.level() == SegmentKey.Level.GLOBAL) {
                break;
            }
        }
        Int2DoubleOpenHashMap p = new Int2DoubleOpenHashMap(2 * k);
        for (int l = levels.size() - 1; l >= 0; l--) {
            p = smooth(levels.get(l), p, l == levels.size() - 1 ? 0.0 : config.segmentPrior());
        }
        int[] videos = new int[p.size()];
        double[] scores = new double[videos.length];
        int n = 0;
        for (Int2DoubleMap.Entry e : p.int2DoubleEntrySet()) {
            if (e.getDoubleValue() > 0 && catalogue.contains(e.getIntKey())) {
                videos[n] = e.getIntKey();
                scores[n++] = e.getDoubleValue();
            }
        }
        List<Candidate> best = ScoredCandidates.top(videos, scores, n, k, ID.name());
        int[] topVideos = new int[best.size()];
        float[] topScores = new float[best.size()];
        for (int i = 0; i < topVideos.length; i++) {
            topVideos[i] = best.get(i).video();
            topScores[i] = best.get(i).sourceScore(ID.name());
        }
        return new Distribution(used, levels.size(), topVideos, topScores, now);
    }

    /** One finest segment's smoothed list, kept for {@link #REUSE_MILLIS} of query time. */
    private record Distribution(SegmentKey used, int levels, int[] videos, float[] scores, long computedAt) {
    }

    /**
     * p_s(v) = (c_s(v) + α · p_parent(v)) / (N_s + α) over the union of the level's list and the parent's
     * support; with an empty level (N_s = 0) that is the parent's distribution unchanged.
     */
    static Int2DoubleOpenHashMap smooth(TopN level, Int2DoubleOpenHashMap parent, double prior) {
        double mass = 0;
        for (int i = 0; i < level.size(); i++) {
            mass += Math.max(0, level.scores()[i]);
        }
        if (mass <= 0) {
            return parent;
        }
        double denominator = mass + prior;
        Int2DoubleOpenHashMap out = new Int2DoubleOpenHashMap(parent.size() + level.size());
        double shrink = prior / denominator;
        for (Int2DoubleMap.Entry e : parent.int2DoubleEntrySet()) {
            out.put(e.getIntKey(), shrink * e.getDoubleValue());
        }
        for (int i = 0; i < level.size(); i++) {
            out.addTo(level.videos()[i], Math.max(0, level.scores()[i]) / denominator);
        }
        return out;
    }
}
