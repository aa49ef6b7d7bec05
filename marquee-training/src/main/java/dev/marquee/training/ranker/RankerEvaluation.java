package dev.marquee.training.ranker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The ranker's evaluation table on the temporal holdout. {@code heads} uses the stable model names of
 * {@code marquee eval --json}: "ranker" (the architecture kept), "ranker-mmoe", "ranker-shared-bottom",
 * "ranker-student", "logistic", "popularity"; {@code ndcgBaselines} adds orderings that are not models
 * ("logged-order": the policy that served the pages). {@code calibration} is the kept ranker's, per head.
 */
public record RankerEvaluation(@JsonProperty("train_rows") int trainRows,
                               @JsonProperty("validation_rows") int validationRows,
                               @JsonProperty("holdout_rows") int holdoutRows,
                               @JsonProperty("holdout_start_millis") long holdoutStartMillis,
                               String chosen, Map<String, ModelMetrics> heads,
                               @JsonProperty("ndcg_baselines") Map<String, Double> ndcgBaselines,
                               Map<String, List<CalibrationBin>> calibration, Map<String, Latency> latency,
                               List<String> notes) {

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain-text table for the CLI and notes. */
    public String toTable() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("holdout: %,d rows (train %,d, validation %,d); kept architecture: %s%n",
                holdoutRows, trainRows, validationRows, chosen));
        s.append(String.format("%-22s %8s %8s %8s %8s %8s %8s %8s%n", "model", "clk AUC", "clk LL", "w30 AUC",
                "w30 LL", "shr AUC", "shr LL", "NDCG@10"));
        heads.forEach((name, m) -> s.append(String.format("%-22s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", name,
                m.click().auc(), m.click().logLoss(), m.watch30().auc(), m.watch30().logLoss(), m.share().auc(),
                m.share().logLoss(), m.ndcgAt10())));
        ndcgBaselines.forEach((name, v) -> s.append(String.format("%-22s %62.4f%n", name, v)));
        calibration.forEach((head, bins) -> {
            s.append(String.format("calibration %-8s", head));
            for (CalibrationBin b : bins) {
                s.append(String.format(" %.4f/%.4f", b.meanPredicted(), b.observedRate()));
            }
            s.append(String.format("  (predicted/observed per decile)%n"));
        });
        latency.forEach((name, l) -> s.append(String.format("latency %-15s %d rows: p50 %.2f ms, p99 %.2f ms (thread CPU)%n",
                name, l.rows(), l.p50Ms(), l.p99Ms())));
        notes.forEach(n -> s.append("note: ").append(n).append(System.lineSeparator()));
        return s.toString();
    }
}
