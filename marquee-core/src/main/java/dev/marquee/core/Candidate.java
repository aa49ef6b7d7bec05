package dev.marquee.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A video travelling through the funnel. Mutable on purpose: scores accumulate stage by stage and
 * copying ~1,000 candidates per stage would dominate the request. Provenance (which sources produced it,
 * with their scores), per-stage scores and policy decisions are kept for {@code explain} and for the
 * impression log.
 *
 * <p>Provenance and stage scores are small parallel arrays, not maps: a request creates several thousand
 * candidates, and a {@code LinkedHashMap} with boxed scores per candidate was a fifth of a feed's allocation
 * under JFR. The map views ({@link #sources()}, {@link #stageScores()}) are built on demand for explain/logging.
 */
public final class Candidate {
    private static final String[] NO_NAMES = {};
    private static final float[] NO_FLOATS = {};
    private final int video;
    private String[] sourceNames = NO_NAMES; // insertion order; at most a handful of sources
    private float[] sourceScores = NO_FLOATS;
    private int sourceCount;
    private double score;
    private String[] stageNames = NO_NAMES; // lazy: most of ~1,000 candidates never reach a scorer
    private double[] stageValues;
    private int stageCount;
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

    /** Records that {@code source} produced this video; a source seen twice keeps its higher score. */
    public void addSource(String source, float sourceScore) {
        java.util.Objects.requireNonNull(source, "source");
        int i = indexOf(sourceNames, sourceCount, source);
        if (i >= 0) {
            sourceScores[i] = Math.max(sourceScores[i], sourceScore);
            return;
        }
        if (sourceCount == sourceNames.length) {
            int grown = Math.max(1, sourceCount * 2);
            sourceNames = Arrays.copyOf(sourceNames, grown);
            sourceScores = Arrays.copyOf(sourceScores, grown);
        }
        sourceNames[sourceCount] = source;
        sourceScores[sourceCount++] = sourceScore;
    }

    /** Provenance in the order sources were added, with their scores: a live read-only view (cheap to ask for). */
    public Map<String, Float> sources() {
        return new CandidateSourcesView(this);
    }

    public boolean hasSource(String source) {
        return indexOf(sourceNames, sourceCount, source) >= 0;
    }

    /** How many distinct sources produced this video. */
    public int sourceCount() {
        return sourceCount;
    }

    /** The first source recorded (the one that created the candidate), or null when none was. */
    public String primarySource() {
        return sourceCount == 0 ? null : sourceNames[0];
    }

    /** {@code source}'s score for this video; throws when that source did not produce it. */
    public float sourceScore(String source) {
        int i = indexOf(sourceNames, sourceCount, source);
        if (i < 0) {
            throw new IllegalArgumentException("candidate " + video + " was not produced by source " + source);
        }
        return sourceScores[i];
    }

    /** The i-th source name in insertion order, {@code i < sourceCount()}; for {@link CandidateSourcesView}. */
    String sourceNameAt(int i) {
        return sourceNames[i];
    }

    float sourceScoreAt(int i) {
        return sourceScores[i];
    }

    int sourceIndex(String source) {
        return indexOf(sourceNames, sourceCount, source);
    }

    private static int indexOf(String[] names, int n, String name) {
        for (int i = 0; i < n; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public double score() {
        return score;
    }

    /** Sets the current score and records it under the stage that produced it. */
    public void score(String stage, double value) {
        this.score = value;
        int i = indexOf(stageNames, stageCount, stage);
        if (i >= 0) {
            stageValues[i] = value;
            return;
        }
        if (stageCount == stageNames.length) {
            int grown = Math.max(2, stageCount * 2);
            stageNames = Arrays.copyOf(stageNames, grown);
            stageValues = stageValues == null ? new double[grown] : Arrays.copyOf(stageValues, grown);
        }
        stageNames[stageCount] = stage;
        stageValues[stageCount++] = value;
    }

    /** Scores by stage in the order stages first scored this candidate; a fresh read-only copy. */
    public Map<String, Double> stageScores() {
        if (stageCount == 0) {
            return Map.of();
        }
        Map<String, Double> m = new LinkedHashMap<>(Math.max(4, stageCount * 2));
        for (int i = 0; i < stageCount; i++) {
            m.put(stageNames[i], stageValues[i]);
        }
        return Collections.unmodifiableMap(m);
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
        return "Candidate[" + video + " score=" + score + " sources=" + sources().keySet() + "]";
    }
}
