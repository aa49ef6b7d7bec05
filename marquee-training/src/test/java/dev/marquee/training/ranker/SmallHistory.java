package dev.marquee.training.ranker;

import dev.marquee.events.InMemoryEventLog;
import dev.marquee.sim.HistoryGenerator;
import dev.marquee.sim.HistoryStats;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;

/** A small generated world (3,000 videos, 800 users, 3 days) and its baseline-policy history. */
final class SmallHistory {
    /** 2023-11-15T00:00:00Z. */
    static final long START = 1_700_006_400_000L;

    final World world;
    final InMemoryEventLog log = new InMemoryEventLog();
    final HistoryStats stats;

    SmallHistory(long seed) {
        world = World.generate(WorldConfig.defaults(START).scaledTo(3_000, 800).withDays(3).withSeed(seed));
        stats = HistoryGenerator.baseline(world).generate(log, (n, fraction) -> { });
    }

    long endMillis() {
        return world.config().endMillis();
    }
}
