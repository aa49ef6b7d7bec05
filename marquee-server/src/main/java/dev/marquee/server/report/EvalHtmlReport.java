package dev.marquee.server.report;

import dev.marquee.training.eval.EvalReport;
import dev.marquee.training.eval.EvalReportJson;
import dev.marquee.training.eval.PolicyMetrics;
import dev.marquee.training.eval.RecallCurve;
import dev.marquee.training.ranker.CalibrationBin;
import dev.marquee.training.ranker.HeadMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html} (self-contained: inline CSS and SVG, no script or external asset) and
 * {@code metrics.json} (exactly {@link EvalReportJson}) into a directory, creating it when missing.
 */
public final class EvalHtmlReport {
    public static final String HTML = "report.html", JSON = "metrics.json";
    private static final List<String> HEADS = List.of("click", "watch30", "share");

    private EvalHtmlReport() {
    }

    public static void write(Path dir, EvalReport r) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON), EvalReportJson.write(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), render(r), StandardCharsets.UTF_8);
    }

    static String render(EvalReport r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Marquee evaluation</title>"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}"
                + "tr.us{font-weight:bold;background:#eef5ff}.charts svg{margin:0 1em 1em 0}</style></head><body>");
        EvalReport.HoldoutSummary h = r.holdout();
        b.append("<h1>Marquee offline evaluation</h1>");
        b.append(String.format(Locale.ROOT, "<p>Holdout %s – %s; %,d of %,d holdout users evaluated, %,d relevant (user, video) "
                        + "long views (%,d on videos uploaded during the holdout); %,d servable videos; lists of %d; "
                        + "full pipeline %.1f ms per request; run %.0f s.</p>", Instant.ofEpochMilli(h.cutoffMillis()),
                Instant.ofEpochMilli(h.holdoutEndMillis()), h.evaluatedUsers(), h.holdoutUsers(), h.relevantPairs(),
                h.notYetUploadedPairs(), h.catalogueSize(), h.pageSize(), h.meanPipelineMillis(), h.seconds()));
        if (r.ranking().containsKey("marquee") && r.ranking().containsKey("popular")) {
            b.append(String.format(Locale.ROOT, "<p><b>NDCG@10: Marquee %.4f vs most-popular %.4f (×%.2f).</b></p>",
                    r.ranking().get("marquee").ndcg10(), r.ranking().get("popular").ndcg10(), r.ndcgLiftOverPopular()));
        }
        ranking(b, r.ranking());
        retrieval(b, "Candidate retrieval: Recall@K", r.retrieval());
        b.append(String.format(Locale.ROOT, "<p>New users: the %,d evaluated users with fewer than %d clicks, views and "
                + "shares before the holdout (RetrievalConfig.newUserMaxEngagements; segment-popular is their main source).</p>",
                h.evaluatedNewUsers(), h.newUserMaxEngagements()));
        if (h.evaluatedNewUsers() > 0) {
            retrieval(b, "Candidate retrieval, new users: Recall@K", r.retrievalNewUsers());
        }
        heads(b, r);
        if (!r.degraded().isEmpty()) {
            b.append("<h2>Degraded components</h2><ul>");
            r.degraded().forEach((c, n) -> b.append("<li>").append(Html.escape(c)).append(": ").append(n).append(" requests</li>"));
            b.append("</ul>");
        }
        b.append("<h2>Definitions</h2><ul>");
        r.notes().forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
        return b.append("</ul></body></html>").toString();
    }

    private static void ranking(StringBuilder b, Map<String, PolicyMetrics> ranking) {
        b.append("<h2>Ranking policies</h2><table><tr><th>policy</th><th>NDCG@10</th><th>NDCG@20</th><th>Recall@10</th>"
                + "<th>Recall@20</th><th>MRR</th><th>hit rate</th><th>coverage</th><th>creators/page</th>"
                + "<th>categories/page</th><th>novelty</th><th>fresh &lt;48h</th></tr>");
        ranking.forEach((name, m) -> b.append(name.equals("marquee") ? "<tr class=\"us\">" : "<tr>")
                .append("<td>").append(Html.escape(name)).append("</td>").append(Html.cell(m.ndcg10()))
                .append(Html.cell(m.ndcg20())).append(Html.cell(m.recall10())).append(Html.cell(m.recall20()))
                .append(Html.cell(m.mrr())).append(Html.cell(m.hitRate())).append(Html.cell(m.coverage()))
                .append(Html.cell(m.creatorDiversity())).append(Html.cell(m.categoryDiversity()))
                .append(Html.cell(m.novelty())).append(Html.cell(m.freshShare())).append("</tr>"));
        b.append("</table>");
    }

    private static void retrieval(StringBuilder b, String title, Map<String, RecallCurve> retrieval) {
        b.append("<h2>").append(Html.escape(title)).append("</h2><table><tr><th>list</th>");
        int[] ks = retrieval.values().iterator().next().ks();
        for (int k : ks) {
            b.append("<th>@").append(k).append("</th>");
        }
        b.append("</tr>");
        SvgLineChart chart = new SvgLineChart(title + " by candidate list", "K (log scale)", "recall", true);
        retrieval.forEach((name, c) -> {
            b.append(name.equals("merged") ? "<tr class=\"us\">" : "<tr>").append("<td>").append(Html.escape(name)).append("</td>");
            for (double v : c.recall()) {
                b.append(Html.cell(v));
            }
            b.append("</tr>");
            chart.add(name, java.util.Arrays.stream(c.ks()).asDoubleStream().toArray(), c.recall(),
                    name.equals("popular") || name.equals("random"));
        });
        b.append("</table><div class=\"charts\">").append(chart.render()).append("</div>");
    }

    private static void heads(StringBuilder b, EvalReport r) {
        b.append(String.format(Locale.ROOT, "<h2>Ranker heads</h2><p>%,d holdout impressions; kept architecture: %s.</p>",
                r.heads().holdoutRows(), Html.escape(r.heads().chosen())));
        b.append("<table><tr><th>model</th>");
        for (String head : HEADS) {
            b.append("<th>").append(head).append(" AUC</th><th>").append(head).append(" log loss</th>");
        }
        b.append("<th>logged-page NDCG@10</th></tr>");
        r.heads().models().forEach((name, m) -> {
            b.append(name.equals("ranker") ? "<tr class=\"us\">" : "<tr>").append("<td>").append(Html.escape(name)).append("</td>");
            for (HeadMetrics hm : List.of(m.click(), m.watch30(), m.share())) {
                b.append(Html.cell(hm.auc())).append(Html.cell(hm.logLoss()));
            }
            b.append(Html.cell(m.ndcgAt10())).append("</tr>");
        });
        b.append("</table><div class=\"charts\">");
        for (String head : HEADS) {
            SvgLineChart chart = new SvgLineChart("Calibration: p(" + head + ")", "mean predicted (per decile)",
                    "observed rate", false);
            double max = 0;
            for (Map<String, List<CalibrationBin>> perHead : r.heads().calibration().values()) {
                for (CalibrationBin bin : perHead.get(head)) {
                    max = Math.max(max, Math.max(finite(bin.meanPredicted()), finite(bin.observedRate())));
                }
            }
            r.heads().calibration().forEach((model, perHead) -> {
                List<CalibrationBin> bins = perHead.get(head);
                chart.add(model, bins.stream().mapToDouble(CalibrationBin::meanPredicted).toArray(),
                        bins.stream().mapToDouble(CalibrationBin::observedRate).toArray(), false);
            });
            chart.add("ideal", new double[] {0, max}, new double[] {0, max}, true);
            b.append(chart.render());
        }
        b.append("</div>");
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
