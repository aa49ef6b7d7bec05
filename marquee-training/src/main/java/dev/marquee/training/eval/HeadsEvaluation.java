package dev.marquee.training.eval;

import dev.marquee.training.ranker.CalibrationBin;
import dev.marquee.training.ranker.ModelMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranker heads' holdout table: per model ("ranker", "logistic", "popularity", plus the ranker job's
 * other candidates) AUC / log loss per head and NDCG@10 of the logged pages, and a reliability diagram
 * (deciles) per model and head ("click", "watch30", "share").
 *
 * @param chosen      architecture kept as "ranker" (mmoe or shared-bottom)
 * @param holdoutRows logged impressions in the holdout the heads were scored on
 */
public record HeadsEvaluation(String chosen, int trainRows, int holdoutRows, Map<String, ModelMetrics> models,
                              Map<String, Map<String, List<CalibrationBin>>> calibration) {
    public HeadsEvaluation {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        calibration = Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
    }
}
