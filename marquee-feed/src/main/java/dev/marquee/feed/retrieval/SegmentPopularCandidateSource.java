package dev.marquee.feed.retrieval;

import dev.marquee.core.Candidate;
import dev.marquee.core.CandidateSource;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.SegmentTopN;
import dev.marquee.features.TopN;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cold start for users: what people like them watch. Reads the most long-viewed videos (decayed) of the
 * user's finest segment (country × device × age band) and falls back to coarser segments, down to global,
 * while a segment has fewer than {@link RetrievalConfig#segmentMinSize()} videos. The segment actually used is
 * recorded on each candidate when the request asks for {@code explain}.
 */
public final class SegmentPopularCandidateSource implements CandidateSource {
    public static final ComponentId ID = ComponentId.of("segment-popular");

    private final FeatureStore store;
    private final VideoCatalogue catalogue;
    private final RetrievalConfig config;

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
        SegmentTopN read = store.segmentTopWithFallback(query.features().get(FeedFeatures.USER).segment(),
                config.segmentK(), config.segmentMinSize(), query.nowMillis());
        TopN top = read.top();
        List<Candidate> out = new ArrayList<>(top.size());
        String decision = query.explain() ? "segment " + read.segment().level() + " " + read.segment() : null;
        for (int i = 0; i < top.size(); i++) {
            int video = top.videos()[i];
            if (catalogue.contains(video) && top.scores()[i] > 0) {
                Candidate c = Candidate.from(video, ID.name(), (float) top.scores()[i]);
                if (decision != null) {
                    c.decide(decision);
                }
                out.add(c);
            }
        }
        return out;
    }
}
