package dev.marquee.sim;

import java.util.Arrays;

/**
 * Session start times of one simulated day at a time, generated lazily when the previous day's starts
 * are used up, as packed {@code (offsetInDay << 32) | user} longs sorted by time then user.
 *
 * <p>A user signed up before the day is active with probability min(0.98, dailyActiveShare × activity)
 * and then has 1 + Poisson((sessionsPerActiveUserPerDay − 1) × min(activity, 4)) sessions; a user who signs
 * up during the day opens a first session one second after signing up, and may have more later that day.
 * Start times follow a diurnal curve (UTC hours, evening peak). Each day draws from its own random stream.
 */
final class DaySchedule {
    private static final double[] HOUR_CUMULATIVE = Demographics.cumulative(
            2.0, 1.5, 1.0, 0.8, 0.8, 1.0, 1.5, 2.5, 3.0, 3.0, 3.2, 3.5,
            4.0, 3.8, 3.6, 3.8, 4.2, 5.0, 6.0, 7.0, 7.5, 7.0, 5.0, 3.0);
    private static final long HOUR_MILLIS = 3_600_000L;

    private final World world;
    private final WorldConfig config;
    private long[] packed = new long[0];
    private int size;
    private int next;
    private int day = -1;
    private long dayStart;

    DaySchedule(World world) {
        this.world = world;
        this.config = world.config();
    }

    /** Time of the next session start, or {@link Long#MAX_VALUE} after the last day. */
    long peekTime() {
        while (next == size) {
            if (day + 1 >= config.days()) {
                return Long.MAX_VALUE;
            }
            load(day + 1);
        }
        return dayStart + (packed[next] >>> 32);
    }

    /** The user of the session returned by {@link #peekTime()}, consuming it. */
    int pollUser() {
        return (int) packed[next++];
    }

    private void load(int d) {
        day = d;
        dayStart = config.startMillis() + d * WorldConfig.DAY_MILLIS;
        long dayEnd = dayStart + WorldConfig.DAY_MILLIS;
        SimRandom rng = SimRandom.stream(config.seed(), RandomStreams.DAY_SCHEDULE, d);
        UserPopulation users = world.users;
        int present = users.signedUpBy(dayEnd - 1);
        size = 0;
        next = 0;
        for (int u = 0; u < present; u++) {
            double activity = users.activity[u];
            double extra = (config.sessionsPerActiveUserPerDay() - 1.0) * Math.min(activity, 4.0);
            long firstPossible = users.signupAt[u] + 1000;
            if (users.signupAt[u] >= dayStart) {
                if (firstPossible < dayEnd) {
                    add(firstPossible - dayStart, u);
                }
                addSessions(rng.nextPoisson(extra), u, firstPossible, rng);
            } else if (rng.nextDouble() < Math.min(0.98, config.dailyActiveShare() * activity)) {
                addSessions(1 + rng.nextPoisson(extra), u, dayStart, rng);
            }
        }
        Arrays.sort(packed, 0, size);
    }

    private void addSessions(int sessions, int user, long notBefore, SimRandom rng) {
        for (int s = 0; s < sessions; s++) {
            long offset = rng.nextWeighted(HOUR_CUMULATIVE) * HOUR_MILLIS + (long) (rng.nextDouble() * HOUR_MILLIS);
            if (dayStart + offset >= notBefore) {
                add(offset, user);
            }
        }
    }

    private void add(long offset, int user) {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, Math.max(1024, packed.length * 2));
        }
        packed[size++] = (offset << 32) | user;
    }
}
