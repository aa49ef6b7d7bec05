package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Selector;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.TopN;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the sources' outputs into one list of about {@link RetrievalConfig#target()} distinct videos.
 *
 * <ol>
 * <li>Quotas: sources in {@link RetrievalConfig#quotas()} order each contribute up to their quota of videos
 *     not already taken, best source score first (a duplicate does not use up the later source's quota).</li>
 * <li>Leftovers: while short of the target, the sources' remaining candidates are taken round-robin, so a
 *     gated-off source's share goes to the others evenly instead of to the first in line.</li>
 * <li>Provenance: every source that produced a kept video is recorded on it with its own score
 *     ({@link Candidate#addSource}), even past that source's quota: provenance is a ranking feature.</li>
 * <li>Backfill: still short, the globally trending videos not yet taken are appended as
 *     {@value #BACKFILL_SOURCE}.</li>
 * </ol>
 * Output order is the order of taking, so the list starts with each source's best.
 */
public final class CandidateMerger implements Selector {
    public static final ComponentId ID = ComponentId.of("candidate-merger");
    public static final String BACKFILL_SOURCE = "trending-backfill";

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

    public CandidateMerger(FeatureStore store, VideoCatalogue catalogue, RetrievalConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
        List<List<Candidate>> lists = bySourceInPriorityOrder(candidates);
        int target = config.target();
        Int2ObjectOpenHashMap<Candidate> kept = new Int2ObjectOpenHashMap<>(2 * target);
        List<Candidate> out = new ArrayList<>(target);
        int[] cursor = new int[lists.size()];
        for (int s = 0; s < lists.size() && out.size() < target; s++) {
            List<Candidate> list = lists.get(s);
            int quota = config.quota(primarySource(list.getFirst()));
            for (int taken = 0; taken < quota && out.size() < target && cursor[s] < list.size(); ) {
                taken += take(list.get(cursor[s]++), kept, out) ? 1 : 0;
            }
        }
        boolean progress = true;
        while (out.size() < target && progress) {
            progress = false;
            for (int s = 0; s < lists.size() && out.size() < target; s++) {
                List<Candidate> list = lists.get(s);
                while (cursor[s] < list.size()) {
                    if (take(list.get(cursor[s]++), kept, out)) {
                        progress = true;
                        break;
                    }
                }
            }
        }
        for (Candidate c : candidates) {
            Candidate keeper = kept.get(c.video());
            if (keeper != null && keeper != c) {
                String source = primarySource(c);
                keeper.addSource(source, c.sourceScore(source));
            }
        }
        if (out.size() < target) {
            backfill(query, target, kept, out);
        }
        return out;
    }

    private static boolean take(Candidate c, Int2ObjectOpenHashMap<Candidate> kept, List<Candidate> out) {
        if (kept.containsKey(c.video())) {
            return false;
        }
        kept.put(c.video(), c);
        out.add(c);
        return true;
    }

    private void backfill(FeedQuery query, int target, Int2ObjectOpenHashMap<Candidate> kept, List<Candidate> out) {
        TopN trending = store.trending(target, query.nowMillis());
        for (int i = 0; i < trending.size() && out.size() < target; i++) {
            int video = trending.videos()[i];
            if (!kept.containsKey(video) && catalogue.contains(video)) {
                take(Candidate.from(video, BACKFILL_SOURCE, (float) trending.scores()[i]), kept, out);
            }
        }
    }

    /** Candidates grouped by producing source: configured sources in quota order, then the rest as they came. */
    private List<List<Candidate>> bySourceInPriorityOrder(List<Candidate> candidates) {
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (SourceQuota q : config.quotas()) {
            groups.put(q.source(), new ArrayList<>());
        }
        for (Candidate c : candidates) {
            groups.computeIfAbsent(primarySource(c), s -> new ArrayList<>()).add(c);
        }
        List<List<Candidate>> lists = new ArrayList<>(groups.size());
        for (List<Candidate> list : groups.values()) {
            if (!list.isEmpty()) {
                lists.add(list);
            }
        }
        return lists;
    }

    /** The source that produced {@code c} (sources create candidates with exactly one). */
    private static String primarySource(Candidate c) {
        String source = c.primarySource();
        if (source == null) {
            throw new IllegalArgumentException("candidate " + c.video() + " has no source: sources must create "
                    + "candidates with Candidate.from(video, source, score)");
        }
        return source;
    }
}
