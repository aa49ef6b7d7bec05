package dev.marquee.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A video travelling through the funnel. Mutable on purpose: scores accumulate stage by stage and
 * copying ~1,000 candidates per stage would dominate the request. Provenance (which sources produced it,
 * with their scores), per-stage scores and policy decisions are kept for {@code explain} and for the
 * impression log.
 */
public final class Candidate {
    private final int video;
    private final Map<String, Float> sources = new LinkedHashMap<>(4);
    private double score;
    private Map<String, Double> stageScores; // lazy: most of ~1,000 candidates never reach a scorer
    private float[] heads;
    private final FeatureMap features = new FeatureMap();
    private List<String> decisions;
    private double propensity = 1.0;
    private int row = -1;

    public Candidate(int video) {
        this.video = video;
    }

    /** Candidate produced by {@code source} with that source's own score. */
    public static Candidate from(int video, String source, float sourceScore) {
        Candidate c = new Candidate(video);
        c.addSource(source, sourceScore);
        c.score = sourceScore;
        return c;
    }

    /** Dense internal video index. */
    public int video() {
        return video;
    }

    public void addSource(String source, float sourceScore) {
        sources.merge(source, sourceScore, Math::max);
    }

    public Map<String, Float> sources() {
        return Collections.unmodifiableMap(sources);
    }

    public boolean hasSource(String source) {
        return sources.containsKey(source);
    }

    public double score() {
        return score;
    }

    /** Sets the current score and records it under the stage that produced it. */
    public void score(String stage, double value) {
        this.score = value;
        if (stageScores == null) {
            stageScores = new LinkedHashMap<>(4);
        }
        stageScores.put(stage, value);
    }

    public Map<String, Double> stageScores() {
        return stageScores == null ? Map.of() : Collections.unmodifiableMap(stageScores);
    }

    /** Multi-task heads' probabilities (p_click, p_watch30, p_share), or null before ranking. */
    public float[] heads() {
        return heads;
    }

    public void heads(float[] heads) {
        this.heads = heads;
    }

    public FeatureMap features() {
        return features;
    }

    public void decide(String decision) {
        if (decisions == null) {
            decisions = new ArrayList<>(2);
        }
        decisions.add(decision);
    }

    public List<String> decisions() {
        return decisions == null ? List.of() : Collections.unmodifiableList(decisions);
    }

    /** Probability the policy showed this video at its position (1.0 for deterministic picks). */
    public double propensity() {
        return propensity;
    }

    public void propensity(double p) {
        this.propensity = p;
    }

    /** Index of this candidate in the request's batch-hydrated feature columns, or -1 before hydration. */
    public int row() {
        return row;
    }

    public void row(int row) {
        this.row = row;
    }

    @Override
    public String toString() {
        return "Candidate[" + video + " score=" + score + " sources=" + sources.keySet() + "]";
    }
}
