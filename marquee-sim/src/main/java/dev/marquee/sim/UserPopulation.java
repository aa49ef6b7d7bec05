package dev.marquee.sim;

import java.util.Arrays;

/**
 * Users as parallel primitive arrays (index = dense user id, in signup order), including the latent
 * preference matrix {@code prefs[user * topics + topic] ∈ [0, 1]} (4 bytes × topics per user).
 *
 * <p>Tastes correlate with demographics: each age band, country and device has a seeded set of favoured
 * topics, and each of a user's 2–6 interest topics comes from the age set (25%), the country set (20%),
 * the device set (10%) or global topic popularity (45%). Interests get liking U(0.35, 1), spill 0.25× of
 * that onto the other topics of their category, and every other topic keeps a floor of U(0.02, 0.08).
 * Activity is Pareto(α = 1.5, mean 1, capped at 30): a few heavy users produce much of the traffic.
 * Each user also gets a drift topic, a new interest that grows over the simulated days (see BehaviourModel).
 */
final class UserPopulation {
    private static final long SIGNUP_HISTORY_DAYS = 365;

    final int topics;
    final byte[] ageBand;
    final byte[] country;
    final byte[] device;
    final long[] signupAt;
    final float[] activity;
    final float[] prefs;
    final byte[] driftTopic;

    private UserPopulation(int n, int topics) {
        this.topics = topics;
        ageBand = new byte[n];
        country = new byte[n];
        device = new byte[n];
        signupAt = new long[n];
        activity = new float[n];
        prefs = new float[Math.multiplyExact(n, topics)];
        driftTopic = new byte[n];
    }

    static UserPopulation generate(WorldConfig config, TopicSpace space, SimRandom rng) {
        int n = config.users();
        int t = space.topicCount();
        UserPopulation users = new UserPopulation(n, t);
        users.fillSignups(config, rng);
        int[][] ageFavourites = favourites(Demographics.AGE_BANDS.length, 8, space, rng);
        int[][] countryFavourites = favourites(Demographics.COUNTRIES.length, 6, space, rng);
        int[][] deviceFavourites = favourites(Demographics.DEVICES.length, 4, space, rng);
        int[][] categoryTopics = topicsByCategory(space);
        for (int u = 0; u < n; u++) {
            int age = rng.nextWeighted(Demographics.AGE_CUMULATIVE);
            int ctry = rng.nextWeighted(Demographics.COUNTRY_CUMULATIVE);
            int dev = rng.nextWeighted(Demographics.DEVICE_CUMULATIVE);
            users.ageBand[u] = (byte) age;
            users.country[u] = (byte) ctry;
            users.device[u] = (byte) dev;
            users.activity[u] = (float) Math.min(rng.nextPareto(1.5, 1.0 / 3.0), 30.0);
            int row = u * t;
            for (int k = 0; k < t; k++) {
                users.prefs[row + k] = (float) rng.nextDouble(0.02, 0.08);
            }
            int interests = 2 + rng.nextInt(5);
            for (int i = 0; i < interests; i++) {
                double r = rng.nextDouble();
                int topic = r < 0.25 ? pick(ageFavourites[age], rng)
                        : r < 0.45 ? pick(countryFavourites[ctry], rng)
                        : r < 0.55 ? pick(deviceFavourites[dev], rng)
                        : space.popularTopic(rng);
                float liking = (float) rng.nextDouble(0.35, 1.0);
                for (int other : categoryTopics[space.topicCategory[topic]]) {
                    users.prefs[row + other] = Math.max(users.prefs[row + other], 0.25f * liking);
                }
                users.prefs[row + topic] = Math.max(users.prefs[row + topic], liking);
            }
            int drift = space.popularTopic(rng);
            for (int attempt = 0; attempt < 8 && users.prefs[row + drift] >= 0.35f; attempt++) {
                drift = rng.nextInt(t);
            }
            users.driftTopic[u] = (byte) drift;
        }
        return users;
    }

    private void fillSignups(WorldConfig config, SimRandom rng) {
        int n = signupAt.length;
        int before = n - (int) Math.round(config.newUserShare() * n);
        long historyStart = config.startMillis() - SIGNUP_HISTORY_DAYS * WorldConfig.DAY_MILLIS;
        long periodSpan = config.endMillis() - config.startMillis();
        for (int u = 0; u < n; u++) {
            signupAt[u] = u < before
                    ? historyStart + (long) (rng.nextDouble() * (config.startMillis() - historyStart))
                    : config.startMillis() + (long) (rng.nextDouble() * periodSpan);
        }
        Arrays.sort(signupAt);
    }

    private static int[][] favourites(int groups, int perGroup, TopicSpace space, SimRandom rng) {
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = Arrays.copyOf(TopicSpace.permutation(space.topicCount(), rng), Math.min(perGroup, space.topicCount()));
        }
        return out;
    }

    private static int[][] topicsByCategory(TopicSpace space) {
        int[][] out = new int[space.categoryCount()][];
        for (int c = 0; c < out.length; c++) {
            final int category = c;
            out[c] = java.util.stream.IntStream.range(0, space.topicCount())
                    .filter(t -> space.topicCategory[t] == category).toArray();
        }
        return out;
    }

    private static int pick(int[] topics, SimRandom rng) {
        return topics[rng.nextInt(topics.length)];
    }

    int size() {
        return signupAt.length;
    }

    /** Number of users signed up at or before {@code timeMillis} (they are the ids below that count). */
    int signedUpBy(long timeMillis) {
        return VideoCatalog.countAtOrBefore(signupAt, timeMillis);
    }
}
