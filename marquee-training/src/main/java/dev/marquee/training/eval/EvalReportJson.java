package dev.marquee.training.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.training.ranker.CalibrationBin;
import dev.marquee.training.ranker.HeadMetrics;
import dev.marquee.training.ranker.ModelMetrics;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The report as the issue's JSON: {@code retrieval.SOURCE."recall@K"} (and the same over new users only in
 * {@code retrieval_new_users.SOURCE."recall@K"}, each list with its {@code users}), {@code ranking.POLICY.{"ndcg@10",
 * "ndcg@20","recall@10","recall@20","mrr","coverage",...}}, {@code heads.MODEL.{click,watch30,share}.{auc,
 * logloss}}, plus {@code holdout}, {@code calibration}, {@code degraded} and {@code notes}. Key names are
 * stable; new keys may be added. Non-finite numbers (an AUC with one class) are written as null.
 */
public final class EvalReportJson {
    private EvalReportJson() {
    }

    public static String write(EvalReport r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        curves(root.putObject("retrieval"), r.retrieval());
        curves(root.putObject("retrieval_new_users"), r.retrievalNewUsers());
        ObjectNode ranking = root.putObject("ranking");
        r.ranking().forEach((policy, m) -> {
            ObjectNode o = ranking.putObject(policy);
            put(o, "ndcg@10", m.ndcg10());
            put(o, "ndcg@20", m.ndcg20());
            put(o, "recall@10", m.recall10());
            put(o, "recall@20", m.recall20());
            put(o, "mrr", m.mrr());
            put(o, "coverage", m.coverage());
            put(o, "hit_rate", m.hitRate());
            put(o, "creator_diversity", m.creatorDiversity());
            put(o, "category_diversity", m.categoryDiversity());
            put(o, "novelty", m.novelty());
            put(o, "mean_popularity_rank", m.meanPopularityRank());
            put(o, "fresh_share", m.freshShare());
            o.put("users", m.users());
        });
        ObjectNode heads = root.putObject("heads");
        r.heads().models().forEach((model, m) -> heads(heads.putObject(model), m));
        ObjectNode calibration = root.putObject("calibration");
        r.heads().calibration().forEach((model, perHead) -> {
            ObjectNode o = calibration.putObject(model);
            perHead.forEach((head, bins) -> bins(o.putArray(head), bins));
        });
        root.set("holdout", mapper.valueToTree(r.holdout()));
        root.put("heads_kept_architecture", r.heads().chosen());
        root.put("heads_holdout_rows", r.heads().holdoutRows());
        ObjectNode degraded = root.putObject("degraded");
        r.degraded().forEach(degraded::put);
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void curves(ObjectNode section, Map<String, RecallCurve> curves) {
        curves.forEach((list, curve) -> {
            ObjectNode o = section.putObject(list);
            for (int i = 0; i < curve.ks().length; i++) {
                put(o, "recall@" + curve.ks()[i], curve.recall()[i]);
            }
            o.put("users", curve.users());
        });
    }

    private static ObjectNode heads(ObjectNode o, ModelMetrics m) {
        for (Map.Entry<String, HeadMetrics> e : Map.of("click", m.click(), "watch30", m.watch30(), "share", m.share())
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            ObjectNode h = o.putObject(e.getKey());
            put(h, "auc", e.getValue().auc());
            put(h, "logloss", e.getValue().logLoss());
            put(h, "predicted_rate", e.getValue().predictedRate());
            put(h, "observed_rate", e.getValue().observedRate());
        }
        put(o, "logged_page_ndcg@10", m.ndcgAt10());
        return o;
    }

    private static ArrayNode bins(ArrayNode a, List<CalibrationBin> bins) {
        for (CalibrationBin b : bins) {
            ObjectNode o = a.addObject();
            put(o, "predicted", b.meanPredicted());
            put(o, "observed", b.observedRate());
            o.put("count", b.count());
        }
        return a;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
