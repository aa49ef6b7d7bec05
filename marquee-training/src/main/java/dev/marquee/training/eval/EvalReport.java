package dev.marquee.training.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code marquee eval} run measured. Map keys are the stable names of the JSON:
 * retrieval lists "two-tower", "co-watch", "content", "trending", "segment-popular", "fresh", "merged",
 * "popular", "random"; ranking policies "marquee", "popular", "random", "trending", "co-watch", "two-tower" (plus
 * "marquee-no-explore" and "marquee-no-ranker", the pipeline without exploration or without the ranker);
 * head models "ranker", "logistic", "popularity" (plus the ranker job's other candidates).
 *
 * @param holdout    the split and the population evaluated
 * @param retrieval  Recall@K curves per candidate list
 * @param retrievalNewUsers the same curves over the new users only (fewer than
 *                   {@code RetrievalConfig.newUserMaxEngagements} engagements before the holdout), same keys
 * @param ranking    per policy, over its top-{@code pageSize} list
 * @param heads      the ranker heads beside their baselines
 * @param degraded   pipeline components that failed or fell back, with the number of requests
 * @param notes      how to read the numbers (definitions, known limits of this run)
 */
public record EvalReport(HoldoutSummary holdout, Map<String, RecallCurve> retrieval,
                         Map<String, RecallCurve> retrievalNewUsers, Map<String, PolicyMetrics> ranking,
                         HeadsEvaluation heads, Map<String, Integer> degraded, List<String> notes) {

    /**
     * @param cutoffMillis        holdout start (features and models use only events before it)
     * @param holdoutEndMillis    holdout end (exclusive)
     * @param holdoutUsers        users with a holdout long view of a video they had not long-viewed before
     * @param evaluatedUsers      of those, the users evaluated (an even spread when capped)
     * @param evaluatedNewUsers   of those, the new users (fewer than {@code newUserMaxEngagements} engagements
     *                            before the holdout): the population of {@link EvalReport#retrievalNewUsers()}
     * @param newUserMaxEngagements the new-user threshold (serving's {@code RetrievalConfig.newUserMaxEngagements})
     * @param relevantPairs       (user, video) long views over the evaluated users
     * @param notYetUploadedPairs of those, on videos uploaded during the holdout (no policy can reach them)
     * @param catalogueSize       servable videos at the holdout start
     * @param pageSize            length of each policy's list
     * @param twoTowerExamples    two-tower training examples (before the validation slice)
     * @param meanPipelineMillis  mean wall time of one full-pipeline request in this run
     * @param seconds             wall time of the whole evaluation
     */
    public record HoldoutSummary(long cutoffMillis, long holdoutEndMillis, int holdoutUsers, int evaluatedUsers,
                                 int evaluatedNewUsers, int newUserMaxEngagements, long relevantPairs, long notYetUploadedPairs, int catalogueSize, int pageSize,
                                 int twoTowerExamples, double meanPipelineMillis, double seconds) {
    }

    public EvalReport {
        retrieval = Collections.unmodifiableMap(new LinkedHashMap<>(retrieval));
        retrievalNewUsers = Collections.unmodifiableMap(new LinkedHashMap<>(retrievalNewUsers));
        ranking = Collections.unmodifiableMap(new LinkedHashMap<>(ranking));
        degraded = Collections.unmodifiableMap(new LinkedHashMap<>(degraded));
        notes = List.copyOf(notes);
    }

    /** The report's name of a candidate source's component id ("fresh-uploads" is "fresh"). */
    static String sourceKey(String componentId) {
        return componentId.equals("fresh-uploads") ? "fresh" : componentId;
    }

    /** NDCG@10 of the full pipeline ÷ that of the most-popular policy (the headline ratio). */
    public double ndcgLiftOverPopular() {
        return ranking.get("marquee").ndcg10() / ranking.get("popular").ndcg10();
    }
}
