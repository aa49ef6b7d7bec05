package dev.marquee.server.report;

import dev.marquee.training.eval.EvalReport;
import dev.marquee.training.eval.PolicyMetrics;
import dev.marquee.training.eval.RecallCurve;
import dev.marquee.training.ranker.ModelMetrics;
import java.util.Locale;
import java.util.Map;

/** The report's tables as plain text (what {@code marquee eval} prints without {@code --json}). */
public final class EvalTextTables {
    private EvalTextTables() {
    }

    public static String render(EvalReport r) {
        StringBuilder s = new StringBuilder();
        EvalReport.HoldoutSummary h = r.holdout();
        s.append(String.format(Locale.ROOT, "holdout: %,d of %,d users evaluated, %,d relevant pairs (%,d not yet uploaded "
                        + "at the cutoff), %,d servable videos, %.1f ms per pipeline request, %.0f s%n",
                h.evaluatedUsers(), h.holdoutUsers(), h.relevantPairs(), h.notYetUploadedPairs(), h.catalogueSize(),
                h.meanPipelineMillis(), h.seconds()));
        s.append(String.format(Locale.ROOT, "%nranking (top %d)%n%-10s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n",
                h.pageSize(), "policy", "ndcg@10", "ndcg@20", "rec@10", "rec@20", "mrr", "hit", "coverage", "creators",
                "categ.", "novelty", "fresh"));
        r.ranking().forEach((name, m) -> s.append(policyRow(name, m)));
        recall(s, "retrieval recall@K", r.retrieval());
        if (h.evaluatedNewUsers() > 0) {
            recall(s, String.format(Locale.ROOT, "retrieval recall@K, new users (%,d with < %d engagements before the "
                    + "holdout)", h.evaluatedNewUsers(), h.newUserMaxEngagements()), r.retrievalNewUsers());
        }
        s.append(String.format(Locale.ROOT, "%nheads (%,d holdout impressions, kept %s)%n%-22s %8s %8s %8s %8s %8s %8s%n",
                r.heads().holdoutRows(), r.heads().chosen(), "model", "clk AUC", "clk LL", "w30 AUC", "w30 LL",
                "shr AUC", "shr LL"));
        r.heads().models().forEach((name, m) -> s.append(headsRow(name, m)));
        if (!r.degraded().isEmpty()) {
            s.append(System.lineSeparator()).append("degraded: ").append(r.degraded()).append(System.lineSeparator());
        }
        return s.toString();
    }

    private static void recall(StringBuilder s, String title, Map<String, RecallCurve> curves) {
        s.append(String.format(Locale.ROOT, "%n%s%n%-16s", title, "list"));
        RecallCurve first = curves.values().iterator().next();
        for (int k : first.ks()) {
            s.append(String.format(Locale.ROOT, " %8s", "@" + k));
        }
        s.append(System.lineSeparator());
        curves.forEach((name, c) -> {
            s.append(String.format(Locale.ROOT, "%-16s", name));
            for (double v : c.recall()) {
                s.append(String.format(Locale.ROOT, " %8.4f", v));
            }
            s.append(System.lineSeparator());
        });
    }

    private static String policyRow(String name, PolicyMetrics m) {
        return String.format(Locale.ROOT, "%-10s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", name,
                m.ndcg10(), m.ndcg20(), m.recall10(), m.recall20(), m.mrr(), m.hitRate(), m.coverage(),
                m.creatorDiversity(), m.categoryDiversity(), m.novelty(), m.freshShare());
    }

    private static String headsRow(String name, ModelMetrics m) {
        return String.format(Locale.ROOT, "%-22s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", name, m.click().auc(),
                m.click().logLoss(), m.watch30().auc(), m.watch30().logLoss(), m.share().auc(), m.share().logLoss());
    }
}
