package dev.marquee.server.simulate;

import dev.marquee.sim.OutcomeMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page of a simulation: the totals table, then one inline-SVG line chart per metric
 * with a line per policy over the simulated days. No scripts, no external resources.
 */
final class SimulationHtml {
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int W = 420;
    private static final int H = 220;
    private static final int PAD = 40;

    private record Metric(String name, ToDoubleFunction<OutcomeMetrics> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("ctr", OutcomeMetrics::ctr),
            new Metric("long_view_rate", OutcomeMetrics::longViewRate),
            new Metric("watch_minutes_per_session", OutcomeMetrics::watchMinutesPerSession),
            new Metric("share_rate", OutcomeMetrics::shareRate),
            new Metric("coverage", OutcomeMetrics::coverage),
            new Metric("new_video_exposure", OutcomeMetrics::newVideoExposure),
            new Metric("creator_gini", OutcomeMetrics::creatorGini),
            new Metric("mean_true_affinity", OutcomeMetrics::meanTrueAffinity));

    private SimulationHtml() {
    }

    static String render(List<PolicyOutcome> outcomes, String title) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Marquee simulation</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:4px 8px;text-align:right}svg{margin:8px;border:1px solid #eee}</style></head><body>");
        b.append("<h1>Marquee closed-loop simulation</h1><p>").append(escape(title)).append("</p><table><tr><th>policy</th>");
        for (Metric m : METRICS) {
            b.append("<th>").append(m.name()).append("</th>");
        }
        b.append("</tr>");
        for (PolicyOutcome o : outcomes) {
            b.append("<tr><th>").append(o.policy().cliName()).append("</th>");
            for (Metric m : METRICS) {
                b.append(String.format(Locale.ROOT, "<td>%.4f</td>", m.value().applyAsDouble(o.total())));
            }
            b.append("</tr>");
        }
        b.append("</table><h2>Per simulated day</h2>");
        for (Metric m : METRICS) {
            chart(b, m, outcomes);
        }
        return b.append("</body></html>").toString();
    }

    private static void chart(StringBuilder b, Metric m, List<PolicyOutcome> outcomes) {
        int days = outcomes.getFirst().days().size();
        double max = 0;
        for (PolicyOutcome o : outcomes) {
            for (OutcomeMetrics d : o.days()) {
                max = Math.max(max, m.value().applyAsDouble(d));
            }
        }
        double top = max > 0 ? max * 1.1 : 1;
        b.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", W, H, W, H));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>", PAD, m.name()));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", PAD, H - PAD, W - 10, H - PAD));
        b.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">%.3g</text>", PAD, top));
        b.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">0</text>", H - PAD));
        for (int d = 0; d < days; d++) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">day %d</text>", x(d, days) - 12, H - PAD + 14, d + 1));
        }
        for (int i = 0; i < outcomes.size(); i++) {
            PolicyOutcome o = outcomes.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int d = 0; d < days; d++) {
                double y = (H - PAD) - (H - 2 * PAD) * m.value().applyAsDouble(o.days().get(d)) / top;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(d, days), y));
                b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x(d, days), y, colour));
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" points=\"").append(pts).append("\"/>");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"%s\">%s</text>",
                    W - 90, 30 + 12 * i, colour, o.policy().cliName()));
        }
        b.append("</svg>");
    }

    private static double x(int day, int days) {
        return days == 1 ? (PAD + W) / 2.0 : PAD + 10 + (W - PAD - 30) * day / (double) (days - 1);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
