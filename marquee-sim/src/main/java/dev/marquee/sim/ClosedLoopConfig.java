package dev.marquee.sim;

/**
 * Which part of a world's period a closed-loop run re-plays, and for whom.
 *
 * @param startMillis first simulated instant: a day boundary of the world's period; the history before it is
 *                    the common starting state of every policy
 * @param days        simulated days; the run ends at {@code startMillis + days·24h} ≤ the world's end
 * @param userStride  sessions of users {@code u} with {@code u % userStride == 0} are simulated (1 = everyone);
 *                    uploads and sign-ups of everyone still happen
 * @param idPrefix    prepended to event and request ids so they never collide with the history's
 */
public record ClosedLoopConfig(long startMillis, int days, int userStride, String idPrefix) {
    public ClosedLoopConfig {
        if (days < 1) {
            throw new IllegalArgumentException("days must be ≥ 1, got " + days);
        }
        if (userStride < 1) {
            throw new IllegalArgumentException("userStride must be ≥ 1, got " + userStride);
        }
        if (idPrefix == null || idPrefix.isEmpty() || idPrefix.length() > 64) {
            throw new IllegalArgumentException("idPrefix must be 1..64 chars, got " + idPrefix);
        }
    }

    /**
     * The last {@code days} days of the world's period, for about {@code users} users (0 = all). The period must
     * keep at least one earlier day as history to start from.
     */
    public static ClosedLoopConfig lastDays(WorldConfig world, int days, int users) {
        if (days < 1 || days >= world.days()) {
            throw new IllegalArgumentException("can simulate 1.." + (world.days() - 1) + " days of a world with "
                    + world.days() + " days of history (the earlier days are the starting state), got " + days);
        }
        if (users < 0) {
            throw new IllegalArgumentException("users must be ≥ 0 (0 = all), got " + users);
        }
        int stride = users == 0 || users >= world.users() ? 1 : Math.ceilDiv(world.users(), users);
        return new ClosedLoopConfig(world.endMillis() - days * WorldConfig.DAY_MILLIS, days, stride, "sim-");
    }

    public long endMillis() {
        return startMillis + days * WorldConfig.DAY_MILLIS;
    }

    boolean simulates(int user) {
        return user % userStride == 0;
    }
}
