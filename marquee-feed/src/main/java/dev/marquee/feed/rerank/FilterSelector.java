package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Filter;
import dev.marquee.core.Selector;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link Filter} in the selector stage. {@code PipelineExecutor} runs filters before candidate
 * hydration; a filter that reads the hydrated {@code FeedFeatures.VIDEOS} columns ({@link BusinessRulesFilter})
 * can be declared as a selector through this adapter instead. Its id is the filter's id prefixed
 * {@code filter.}; removed candidates are dropped (their decisions say why when {@code explain} is on).
 */
public final class FilterSelector implements Selector {
    private final Filter filter;
    private final ComponentId id;

    public FilterSelector(Filter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.id = ComponentId.of("filter." + filter.id().name());
    }

    @Override
    public ComponentId id() {
        return id;
    }

    @Override
    public List<Candidate> select(FeedQuery query, List<Candidate> candidates) {
        return filter.apply(query, candidates).kept();
    }
}
