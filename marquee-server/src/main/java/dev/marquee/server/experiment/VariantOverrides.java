package dev.marquee.server.experiment;

import dev.marquee.feed.ranking.ScoreWeights;

/**
 * What a variant changes relative to the served defaults; a null component means "as served".
 *
 * @param weights          score weights of the multi-task ranker (applied as request params unless the
 *                         request sets its own)
 * @param explorationShare expected share of page positions given to exploration, in [0, 1]
 * @param epsilonGreedy    epsilon of epsilon-greedy exploration in [0, 1] instead of Thompson sampling
 * @param rankerKind       registry kind of the ranker ({@code ranker} or {@code ranker-student}); recorded
 *                         and validated, served only by drivers that hold both rankers
 */
public record VariantOverrides(ScoreWeights weights, Double explorationShare, Double epsilonGreedy, String rankerKind) {
    public static final VariantOverrides NONE = new VariantOverrides(null, null, null, null);

    public VariantOverrides {
        if (explorationShare != null && !(explorationShare >= 0 && explorationShare <= 1)) {
            throw new IllegalArgumentException("explorationShare must be in [0, 1], got " + explorationShare);
        }
        if (epsilonGreedy != null && !(epsilonGreedy >= 0 && epsilonGreedy <= 1)) {
            throw new IllegalArgumentException("epsilonGreedy must be in [0, 1], got " + epsilonGreedy);
        }
        if (rankerKind != null && !rankerKind.equals("ranker") && !rankerKind.equals("ranker-student")) {
            throw new IllegalArgumentException("rankerKind must be ranker or ranker-student, got '" + rankerKind + "'");
        }
    }

    /** Whether the re-rank stage differs from the served one (a separate pipeline is needed). */
    public boolean changesRerank() {
        return explorationShare != null || epsilonGreedy != null;
    }
}
