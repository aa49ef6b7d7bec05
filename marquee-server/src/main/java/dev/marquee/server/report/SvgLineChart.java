package dev.marquee.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG line chart (no script): named series of (x, y) points over a linear or log10 x axis
 * and a [0, yMax] y axis, with a legend. Enough for recall@K curves and reliability diagrams.
 */
final class SvgLineChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#17becf", "#bcbd22"};
    private static final int W = 520, H = 300, LEFT = 50, RIGHT = 150, TOP = 20, BOTTOM = 40;

    private record Series(String name, double[] x, double[] y, boolean dashed) {
    }

    private final String title, xLabel, yLabel;
    private final boolean logX;
    private final List<Series> series = new ArrayList<>();

    SvgLineChart(String title, String xLabel, String yLabel, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    SvgLineChart add(String name, double[] x, double[] y, boolean dashed) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values for " + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone(), dashed));
        return this;
    }

    String render() {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.y[i])) {
                    xMin = Math.min(xMin, tx(s.x[i]));
                    xMax = Math.max(xMax, tx(s.x[i]));
                    yMax = Math.max(yMax, s.y[i]);
                }
            }
        }
        if (!(xMax > xMin)) {
            xMin = 0;
            xMax = 1;
        }
        yMax = yMax <= 0 ? 1 : niceCeil(yMax);
        int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">", W, H));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-weight=\"bold\">%s</text>", LEFT, Html.escape(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                LEFT, TOP, pw, ph));
        for (int t = 0; t <= 4; t++) {
            double v = yMax * t / 4;
            double y = TOP + ph - ph * t / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>", LEFT, LEFT + pw, y, y, LEFT - 4, y + 4, v));
        }
        double fx0 = xMin, fx1 = xMax, fy = yMax;
        for (double xv : ticks(fx0, fx1)) {
            double px = LEFT + pw * (tx(xv) - fx0) / (fx1 - fx0);
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    px, TOP + ph + 14, label(xv)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                LEFT + pw / 2, H - 6, Html.escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                TOP + ph / 2, TOP + ph / 2, Html.escape(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int p = 0; p < s.x.length; p++) {
                if (Double.isFinite(s.y[p])) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + pw * (tx(s.x[p]) - fx0) / (fx1 - fx0),
                            TOP + ph - ph * Math.min(s.y[p], fy) / fy));
                }
            }
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>",
                    colour, s.dashed ? " stroke-dasharray=\"5,4\"" : "", pts.toString().trim()));
            int ly = TOP + 12 + 15 * i;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", W - RIGHT + 8, W - RIGHT + 28, ly, ly, colour,
                    s.dashed ? " stroke-dasharray=\"5,4\"" : "", W - RIGHT + 32, ly + 4, Html.escape(s.name)));
        }
        return b.append("</svg>").toString();
    }

    /** Log axis: the first series' x values (the K grid); linear axis: five even ticks. */
    private double[] ticks(double from, double to) {
        if (logX) {
            return series.isEmpty() ? new double[0] : series.getFirst().x;
        }
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            t[i] = from + (to - from) * i / 4;
        }
        return t;
    }

    private double tx(double x) {
        return logX ? Math.log10(Math.max(x, 1e-12)) : x;
    }

    private static String label(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3f", x);
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
