package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * The last selector: cuts the ordered candidates to the page ({@link FeedQuery#limit()}), drops a repeated
 * video (keeping its first, higher placed occurrence), and numbers the positions
 * ({@link RerankFeatures#POSITION}, 0-based). Candidates are passed on as they are, so each keeps its
 * provenance (sources with their scores, per-stage scores, decisions, propensity) for {@code explain} and
 * the impression log.
 */
public final class PageSelector implements Selector {
    public static final ComponentId ID = ComponentId.of("page");

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
        int limit = query.limit();
        List<Candidate> page = new ArrayList<>(Math.min(limit, candidates.size()));
        for (int i = 0, n = candidates.size(); i < n && page.size() < limit; i++) {
            Candidate c = candidates.get(i);
            if (alreadyOnPage(page, c.video())) {
                if (query.explain()) {
                    c.decide(ID + ": dropped, video already on the page");
                }
                continue;
            }
            c.features().put(RerankFeatures.POSITION, page.size());
            page.add(c);
        }
        return page;
    }

    private static boolean alreadyOnPage(List<Candidate> page, int video) {
        for (int i = 0, n = page.size(); i < n; i++) {
            if (page.get(i).video() == video) {
                return true;
            }
        }
        return false;
    }
}
