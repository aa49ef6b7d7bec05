package dev.marquee.training.eval;

/**
 * Settings of one {@link EvalJob}; {@link #defaults()} holds the defaults of {@code marquee eval}.
 *
 * @param holdoutDays     the last this-many UTC days of the log are the holdout (default 1)
 * @param epochs          training epochs at most for both models (early stopping; default 4)
 * @param maxRankerRows   ranker training rows at most (every k-th row beyond; default 150,000)
 * @param rankerSample    share of feed requests sampled into the ranker dataset (default 0.3)
 * @param maxUsers        holdout users evaluated at most, spread evenly over the holdout's users (default 3,000)
 * @param pageSize        length of each policy's list; Recall/NDCG@10 and @20 look into it (default 20)
 * @param seed            seed of the random baseline and the pipeline's exploration (default 7)
 */
public record EvalConfig(int holdoutDays, int epochs, int maxRankerRows, double rankerSample, int maxUsers,
                         int pageSize, long seed) {
    public static final long DAY_MILLIS = 86_400_000L;

    public EvalConfig {
        if (holdoutDays < 1) {
            throw new IllegalArgumentException("holdoutDays must be >= 1, got " + holdoutDays);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (maxRankerRows < 100) {
            throw new IllegalArgumentException("maxRankerRows must be >= 100, got " + maxRankerRows);
        }
        if (!(rankerSample > 0 && rankerSample <= 1)) {
            throw new IllegalArgumentException("rankerSample must be in (0, 1], got " + rankerSample);
        }
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be >= 1, got " + maxUsers);
        }
        if (pageSize < 20 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize must be in [20, 200], got " + pageSize);
        }
    }

    public static EvalConfig defaults() {
        return new EvalConfig(1, 4, 150_000, 0.3, 3_000, 20, 7L);
    }

    public long holdoutMillis() {
        return holdoutDays * DAY_MILLIS;
    }
}
