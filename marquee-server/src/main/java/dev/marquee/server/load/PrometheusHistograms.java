package dev.marquee.server.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timer histograms of one Prometheus text scrape ({@code <name>_seconds_bucket{...,le="x"} n}, {@code _sum},
 * {@code _count}), keyed by name plus labels without {@code le}. Two scrapes subtract to the window between them,
 * whose quantiles are interpolated linearly inside the bucket that holds them (as PromQL's histogram_quantile).
 */
final class PrometheusHistograms {
    /** Cumulative bucket counts by upper bound (+Inf as {@link Double#POSITIVE_INFINITY}), sum in seconds. */
    record Series(String key, TreeMap<Double, Double> buckets, double sum, double count) {
        Series minus(Series earlier) {
            TreeMap<Double, Double> b = new TreeMap<>();
            buckets.forEach((le, n) -> b.put(le, n - (earlier == null ? 0 : earlier.buckets.getOrDefault(le, 0.0))));
            return new Series(key, b, sum - (earlier == null ? 0 : earlier.sum),
                    count - (earlier == null ? 0 : earlier.count));
        }

        /** Quantile q in seconds; NaN when the series counted nothing. */
        double quantile(double q) {
            double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
            if (total <= 0) {
                return Double.NaN;
            }
            double rank = q * total;
            double prevLe = 0;
            double prevCount = 0;
            for (Map.Entry<Double, Double> e : buckets.entrySet()) {
                if (e.getValue() >= rank) {
                    if (e.getKey().isInfinite()) {
                        return prevLe;
                    }
                    double inBucket = e.getValue() - prevCount;
                    return inBucket <= 0 ? e.getKey() : prevLe + (e.getKey() - prevLe) * (rank - prevCount) / inBucket;
                }
                prevLe = e.getKey();
                prevCount = e.getValue();
            }
            return prevLe;
        }
    }

    private final Map<String, Series> series;

    private PrometheusHistograms(Map<String, Series> series) {
        this.series = series;
    }

    Map<String, Series> series() {
        return series;
    }

    /** Parses every {@code *_seconds} histogram whose name starts with {@code prefix}. */
    static PrometheusHistograms parse(String text, String prefix) {
        Map<String, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int sp = line.lastIndexOf(' ');
            if (sp < 0) {
                continue;
            }
            double value = Double.parseDouble(line.substring(sp + 1).trim());
            String metric = line.substring(0, sp);
            int brace = metric.indexOf('{');
            String name = brace < 0 ? metric : metric.substring(0, brace);
            String labels = brace < 0 ? "" : metric.substring(brace + 1, metric.lastIndexOf('}'));
            if (name.endsWith("_seconds_bucket")) {
                String le = null;
                List<String> rest = new ArrayList<>();
                for (String l : labels.split(",")) {
                    if (l.startsWith("le=")) {
                        le = l.substring(4, l.length() - 1);
                    } else if (!l.isEmpty()) {
                        rest.add(l);
                    }
                }
                if (le == null) {
                    continue;
                }
                String key = key(name.substring(0, name.length() - "_seconds_bucket".length()), String.join(",", rest));
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(bound, value);
            } else if (name.endsWith("_seconds_sum")) {
                sums.put(key(name.substring(0, name.length() - "_seconds_sum".length()), labels), value);
            } else if (name.endsWith("_seconds_count")) {
                counts.put(key(name.substring(0, name.length() - "_seconds_count".length()), labels), value);
            }
        }
        Map<String, Series> out = new LinkedHashMap<>();
        buckets.forEach((k, b) -> out.put(k, new Series(k, b, sums.getOrDefault(k, 0.0), counts.getOrDefault(k, 0.0))));
        return new PrometheusHistograms(out);
    }

    private static String key(String name, String labels) {
        return labels.isEmpty() ? name : name + "{" + labels + "}";
    }

    /** Per-series timings of the window between {@code before} and {@code after}, milliseconds. */
    static List<StageTiming> window(PrometheusHistograms before, PrometheusHistograms after) {
        List<StageTiming> out = new ArrayList<>();
        for (Series s : after.series.values()) {
            Series d = s.minus(before.series.get(s.key()));
            if (d.count() > 0) {
                out.add(new StageTiming(s.key(), (long) d.count(), d.sum() / d.count() * 1000,
                        d.quantile(0.5) * 1000, d.quantile(0.99) * 1000));
            }
        }
        return out;
    }
}
