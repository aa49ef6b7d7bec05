package dev.marquee.core;

/** Loads query-level features (the user's features, segment, embedding) into {@code query.features()}. */
public interface QueryHydrator extends Component {
    void hydrate(FeedQuery query);
}
