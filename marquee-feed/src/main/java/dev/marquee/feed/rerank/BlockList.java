package dev.marquee.feed.rerank;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live block list read by {@link BusinessRulesFilter}: an atomically replaced {@link BlockedIds}
 * snapshot. Requests read it without locks; an admin call ({@link #replace}) or a {@link BlockListFile}
 * reload swaps in a new snapshot, which every later request sees.
 */
public final class BlockList {
    private final AtomicReference<BlockedIds> current;

    public BlockList(BlockedIds initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public static BlockList empty() {
        return new BlockList(BlockedIds.NONE);
    }

    public BlockedIds current() {
        return current.get();
    }

    /** Replaces the whole list; returns the previous one. */
    public BlockedIds replace(BlockedIds next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }
}
