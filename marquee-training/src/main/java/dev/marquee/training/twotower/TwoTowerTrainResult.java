package dev.marquee.training.twotower;

import dev.marquee.training.registry.GateDecision;
import java.time.Duration;

/**
 * What one two-tower job produced.
 *
 * @param version            registered version (e.g. v000003)
 * @param gate               the promotion gate's decision on it
 * @param report             holdout retrieval quality
 * @param trainExamples      positives trained on (validation and holdout excluded)
 * @param validationExamples positives of the early-stopping slice
 * @param epochs             epochs run (early stopping may end before the maximum)
 * @param examplesPerSecond  training throughput over the whole training phase
 * @param datasetTime        log replay and example capture
 * @param textTime           title/tag vectors (encoding, or reading the text store)
 * @param trainTime          training
 * @param evaluationTime     catalogue embeddings and holdout evaluation
 * @param registerTime       writing artifacts, registering and the gate
 * @param pooledReport       the same holdout through one pooled search (no fresh tier): what the tier costs or buys
 * @param freshTierTable     the validation sweep that chose the saved fresh-tier policy
 */
public record TwoTowerTrainResult(String version, GateDecision gate, RetrievalReport report, int trainExamples,
                                  int validationExamples, int epochs, double examplesPerSecond, Duration datasetTime,
                                  Duration textTime, Duration trainTime, Duration evaluationTime, Duration registerTime,
                                  RetrievalReport pooledReport, String freshTierTable) {
}
