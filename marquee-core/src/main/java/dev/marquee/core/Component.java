package dev.marquee.core;

/** Anything the executor times, names in metrics and reports in {@code explain}. */
public interface Component {
    ComponentId id();
}
