package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.Filter;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.IdDictionary;
import dev.marquee.core.Selector;
import java.util.List;

/**
 * The re-rank components in pipeline order, as data: filters (cheapest first) then selectors (exploration
 * reserves slots, diversity orders around them, the page selector cuts). {@code HomeFeedPipeline} declares
 * these lists; {@link #apply} runs them back to back for tests and benchmarks, as the executor would.
 */
public record RerankStage(List<Filter> filters, List<Selector> selectors) {
    public RerankStage {
        filters = List.copyOf(filters);
        selectors = List.copyOf(selectors);
    }

    /**
     * The standard stage. {@code languages} is the feature store's language dictionary; {@code embeddings} feeds
     * the optional MMR penalty ({@link ItemEmbeddings#NONE} when there are none).
     */
    public static RerankStage standard(RerankConfig config, BlockList blocks, IdDictionary languages,
                                       ItemEmbeddings embeddings) {
        return new RerankStage(
                List.of(new BusinessRulesFilter(config, blocks, languages), new SeenVideosFilter(config)),
                List.of(new ExplorationSelector(config), new CreatorDiversitySelector(config, embeddings),
                        new PageSelector()));
    }

    /** Runs every filter then every selector on a scored, hydrated candidate list; returns the page. */
    public List<Candidate> apply(FeedQuery query, List<Candidate> candidates) {
        List<Candidate> current = candidates;
        for (Filter f : filters) {
            current = f.apply(query, current).kept();
        }
        for (Selector s : selectors) {
            current = s.select(query, current);
        }
        return current;
    }
}
