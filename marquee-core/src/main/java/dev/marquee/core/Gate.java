package dev.marquee.core;

/** Decides whether a gated component runs for this query (e.g. co-watch only when the user has history). */
@FunctionalInterface
public interface Gate {
    boolean open(FeedQuery query);

    Gate ALWAYS = q -> true;
}
