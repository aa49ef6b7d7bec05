package dev.marquee.feed.rerank;

import java.util.Objects;

/**
 * Every knob of the re-rank stage, with its defaults in {@link #defaults()}.
 *
 * @param maxImpressions24h        a video impressed to the user more than this many times in 24 h is dropped (3)
 * @param minDurationSeconds       shorter videos (and videos without metadata) are dropped (5)
 * @param requireLanguageMatch     drop videos in another language when the user's language is known (true)
 * @param creatorWindow            W: window of consecutive positions for the per-creator cap (5)
 * @param maxPerCreatorInWindow    K: videos of one creator in any W consecutive positions (1)
 * @param maxPerCreatorPerPage     K': videos of one creator on the page (2)
 * @param maxSameCategoryRun       M: videos of one category in a row (3)
 * @param similarityPenalty        MMR weight on the max cosine similarity to already placed items; 0 = off (0)
 * @param mmrLookahead             rule-satisfying candidates MMR compares per position (50)
 * @param explorationShare         expected share of page positions given to exploration (0.10)
 * @param protectedTopPositions    first positions never used for exploration (2)
 * @param explorationMaxAgeHours   a video younger than this is an exploration candidate (48)
 * @param explorationMaxImpressions a video with fewer total impressions is an exploration candidate (1,000)
 * @param explorationMode          Thompson sampling or epsilon-greedy (Thompson)
 * @param epsilon                  random-arm probability in epsilon-greedy mode (0.1)
 * @param explorationPoolSize      exploration candidates (a uniform sample when there are more) competing for the slots (50)
 * @param propensityDraws          winner draws of the conditional Monte Carlo propensity of a Thompson pick (16)
 */
public record RerankConfig(int maxImpressions24h, int minDurationSeconds, boolean requireLanguageMatch,
                           int creatorWindow, int maxPerCreatorInWindow, int maxPerCreatorPerPage,
                           int maxSameCategoryRun, double similarityPenalty, int mmrLookahead,
                           double explorationShare, int protectedTopPositions, double explorationMaxAgeHours,
                           long explorationMaxImpressions, ExplorationMode explorationMode, double epsilon,
                           int explorationPoolSize, int propensityDraws) {
    public RerankConfig {
        atLeast("maxImpressions24h", maxImpressions24h, 0);
        atLeast("minDurationSeconds", minDurationSeconds, 0);
        atLeast("creatorWindow", creatorWindow, 1);
        atLeast("maxPerCreatorInWindow", maxPerCreatorInWindow, 1);
        atLeast("maxPerCreatorPerPage", maxPerCreatorPerPage, 1);
        atLeast("maxSameCategoryRun", maxSameCategoryRun, 1);
        atLeast("mmrLookahead", mmrLookahead, 1);
        atLeast("protectedTopPositions", protectedTopPositions, 0);
        atLeast("explorationPoolSize", explorationPoolSize, 1);
        atLeast("propensityDraws", propensityDraws, 1);
        if (maxPerCreatorInWindow > creatorWindow) {
            throw new IllegalArgumentException("maxPerCreatorInWindow (" + maxPerCreatorInWindow
                    + ") must not exceed creatorWindow (" + creatorWindow + ")");
        }
        if (!(similarityPenalty >= 0) || Double.isInfinite(similarityPenalty)) {
            throw new IllegalArgumentException("similarityPenalty must be finite and >= 0, got " + similarityPenalty);
        }
        if (!(explorationShare >= 0 && explorationShare <= 1)) {
            throw new IllegalArgumentException("explorationShare must be in [0, 1], got " + explorationShare);
        }
        if (!(explorationMaxAgeHours >= 0) || Double.isInfinite(explorationMaxAgeHours)) {
            throw new IllegalArgumentException("explorationMaxAgeHours must be finite and >= 0, got " + explorationMaxAgeHours);
        }
        if (explorationMaxImpressions < 0) {
            throw new IllegalArgumentException("explorationMaxImpressions must be >= 0, got " + explorationMaxImpressions);
        }
        Objects.requireNonNull(explorationMode, "explorationMode");
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
    }

    public static RerankConfig defaults() {
        return new RerankConfig(3, 5, true, 5, 1, 2, 3, 0.0, 50,
                0.10, 2, 48.0, 1_000, ExplorationMode.THOMPSON, 0.1, 50, 16);
    }

    public RerankConfig withExploration(double share, ExplorationMode mode) {
        return new RerankConfig(maxImpressions24h, minDurationSeconds, requireLanguageMatch, creatorWindow,
                maxPerCreatorInWindow, maxPerCreatorPerPage, maxSameCategoryRun, similarityPenalty, mmrLookahead,
                share, protectedTopPositions, explorationMaxAgeHours, explorationMaxImpressions, mode, epsilon,
                explorationPoolSize, propensityDraws);
    }

    /** The diversity rules: K per creator in any W positions, K' per page, M of a category in a row. */
    public RerankConfig withDiversity(int perCreatorInWindow, int window, int perCreatorPerPage, int categoryRun) {
        return new RerankConfig(maxImpressions24h, minDurationSeconds, requireLanguageMatch, window,
                perCreatorInWindow, perCreatorPerPage, categoryRun, similarityPenalty, mmrLookahead,
                explorationShare, protectedTopPositions, explorationMaxAgeHours, explorationMaxImpressions,
                explorationMode, epsilon, explorationPoolSize, propensityDraws);
    }

    public RerankConfig withSimilarityPenalty(double penalty) {
        return new RerankConfig(maxImpressions24h, minDurationSeconds, requireLanguageMatch, creatorWindow,
                maxPerCreatorInWindow, maxPerCreatorPerPage, maxSameCategoryRun, penalty, mmrLookahead,
                explorationShare, protectedTopPositions, explorationMaxAgeHours, explorationMaxImpressions,
                explorationMode, epsilon, explorationPoolSize, propensityDraws);
    }

    private static void atLeast(String name, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
    }
}
