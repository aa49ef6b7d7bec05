package dev.marquee.sim;

/**
 * Everything that shapes a synthetic world and its history, with the defaults in one place
 * ({@link #defaults(long)}). Same config (including {@code seed}) ⇒ byte-identical event stream.
 *
 * @param topics                      topics drawn from the vocabulary (1..64); categories follow from them
 * @param creators                    creators; each uploads at least one video, so ≤ {@code videos}
 * @param videos                      videos, uploaded before the period (back catalogue) or during it
 * @param users                       users, signed up before the period or during it
 * @param days                        simulated days of sessions (1..365)
 * @param seed                        master seed of every random stream
 * @param startMillis                 start of the simulated period, epoch ms (the CLI passes midnight UTC of today − days)
 * @param backCatalogShare            share of videos uploaded before {@code startMillis}
 * @param backCatalogDays             how far back the back catalogue reaches
 * @param newUserShare                share of users who sign up during the period
 * @param dailyActiveShare            mean daily-active probability of a user of average activity
 * @param sessionsPerActiveUserPerDay mean sessions of an average user on a day they are active (≥ 1)
 * @param feedSize                    videos per feed page (the policy's k)
 * @param maxPagesPerSession          pages a session may scroll through
 * @param interestDriftPerDay         λ growth per day of the drift towards each user's new interest (0..1)
 * @param baselinePopularShare        share of the baseline policy's slots filled from the popular chart
 */
public record WorldConfig(int topics, int creators, int videos, int users, int days, long seed, long startMillis,
                          double backCatalogShare, int backCatalogDays, double newUserShare,
                          double dailyActiveShare, double sessionsPerActiveUserPerDay, int feedSize,
                          int maxPagesPerSession, double interestDriftPerDay, double baselinePopularShare) {

    public static final long DAY_MILLIS = 86_400_000L;

    public WorldConfig {
        requireRange("topics", topics, 1, 64);
        requireRange("creators", creators, 1, Integer.MAX_VALUE);
        requireRange("videos", videos, 1, 50_000_000);
        requireRange("users", users, 1, 50_000_000);
        requireRange("days", days, 1, 365);
        requireRange("backCatalogDays", backCatalogDays, 1, 3650);
        requireRange("feedSize", feedSize, 1, 100);
        requireRange("maxPagesPerSession", maxPagesPerSession, 1, 100);
        if (creators > videos) {
            throw new IllegalArgumentException("creators (" + creators + ") must not exceed videos (" + videos
                    + "): every creator uploads at least one video; use scaledTo(videos, users)");
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("startMillis must be ≥ 0 (epoch ms), got " + startMillis);
        }
        requireShare("backCatalogShare", backCatalogShare);
        requireShare("newUserShare", newUserShare);
        requireShare("dailyActiveShare", dailyActiveShare);
        requireShare("interestDriftPerDay", interestDriftPerDay);
        requireShare("baselinePopularShare", baselinePopularShare);
        if (!(sessionsPerActiveUserPerDay >= 1.0 && sessionsPerActiveUserPerDay <= 50.0)) {
            throw new IllegalArgumentException("sessionsPerActiveUserPerDay must be in [1, 50], got "
                    + sessionsPerActiveUserPerDay);
        }
    }

    /** The demo world: 64 topics, 2,000 creators, 50,000 videos, 20,000 users, 7 days, seed 42. */
    public static WorldConfig defaults(long startMillis) {
        return new WorldConfig(64, 2_000, 50_000, 20_000, 7, 42L, startMillis,
                0.5, 60, 0.2, 0.45, 2.0, 10, 5, 0.03, 0.6);
    }

    /** End of the simulated period (exclusive), epoch ms. */
    public long endMillis() {
        return startMillis + days * DAY_MILLIS;
    }

    /** Same world shape at another size; creators scale with videos (default ratio 25 videos per creator). */
    public WorldConfig scaledTo(int newVideos, int newUsers) {
        int newCreators = (int) Math.max(1, Math.min(newVideos, Math.round(newVideos / 25.0)));
        return new WorldConfig(topics, newCreators, newVideos, newUsers, days, seed, startMillis, backCatalogShare,
                backCatalogDays, newUserShare, dailyActiveShare, sessionsPerActiveUserPerDay, feedSize,
                maxPagesPerSession, interestDriftPerDay, baselinePopularShare);
    }

    public WorldConfig withSeed(long newSeed) {
        return new WorldConfig(topics, creators, videos, users, days, newSeed, startMillis, backCatalogShare,
                backCatalogDays, newUserShare, dailyActiveShare, sessionsPerActiveUserPerDay, feedSize,
                maxPagesPerSession, interestDriftPerDay, baselinePopularShare);
    }

    public WorldConfig withDays(int newDays) {
        return new WorldConfig(topics, creators, videos, users, newDays, seed, startMillis, backCatalogShare,
                backCatalogDays, newUserShare, dailyActiveShare, sessionsPerActiveUserPerDay, feedSize,
                maxPagesPerSession, interestDriftPerDay, baselinePopularShare);
    }

    public WorldConfig withTopics(int newTopics) {
        return new WorldConfig(newTopics, creators, videos, users, days, seed, startMillis, backCatalogShare,
                backCatalogDays, newUserShare, dailyActiveShare, sessionsPerActiveUserPerDay, feedSize,
                maxPagesPerSession, interestDriftPerDay, baselinePopularShare);
    }

    public WorldConfig withCreators(int newCreators) {
        return new WorldConfig(topics, newCreators, videos, users, days, seed, startMillis, backCatalogShare,
                backCatalogDays, newUserShare, dailyActiveShare, sessionsPerActiveUserPerDay, feedSize,
                maxPagesPerSession, interestDriftPerDay, baselinePopularShare);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
