package dev.marquee.sim;

/** Small, fast worlds for tests (4,000 videos, 160 creators, 800 users, 3 days). */
final class SmallWorlds {
    /** 2023-11-15T00:00:00Z. */
    static final long START = 1_700_006_400_000L;

    private SmallWorlds() {
    }

    static WorldConfig config(long seed) {
        return WorldConfig.defaults(START).scaledTo(4_000, 800).withDays(3).withSeed(seed);
    }
}
