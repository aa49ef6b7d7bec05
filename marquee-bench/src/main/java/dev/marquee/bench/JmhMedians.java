package dev.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Summarises repeated JMH runs as medians, because one run on a shared box says little: each run directory
 * holds the {@code *.json} files {@code bin/bench-jmh.sh} wrote, and for every benchmark × parameter set this
 * prints the median over runs of p0, p50, p99 (SampleTime) or of the score (other modes), with the run count.
 *
 * <p>Run: {@code java -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt)
 * dev.marquee.bench.JmhMedians RUN_DIR...} (or {@code bin/bench-jmh-runs.sh}).
 */
public final class JmhMedians {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhMedians() {
    }

    /** One benchmark × parameter set, with its values from every run. */
    record Row(String name, String unit, String mode, List<double[]> runs) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: JmhMedians RUN_DIR... (each holding bin/bench-jmh.sh's *.json files)");
            System.exit(2);
        }
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (!Files.isDirectory(p)) {
                System.err.println("not a directory: " + p);
                System.exit(2);
            }
            dirs.add(p);
        }
        print(collect(dirs), System.out);
    }

    static Map<String, Row> collect(List<Path> dirs) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                JsonNode results = JSON.readTree(f.toFile());
                for (JsonNode r : results) {
                    add(rows, r);
                }
            }
        }
        return rows;
    }

    private static void add(Map<String, Row> rows, JsonNode r) {
        String bench = r.path("benchmark").asText().replace("dev.marquee.bench.", "");
        StringBuilder name = new StringBuilder(bench);
        JsonNode params = r.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            name.append(' ').append(p.getKey()).append('=').append(p.getValue().asText());
        }
        JsonNode pm = r.path("primaryMetric");
        String mode = r.path("mode").asText();
        double[] values = mode.equals("sample")
                ? new double[] {pm.path("scorePercentiles").path("0.0").asDouble(),
                        pm.path("scorePercentiles").path("50.0").asDouble(),
                        pm.path("scorePercentiles").path("99.0").asDouble()}
                : new double[] {pm.path("score").asDouble()};
        rows.computeIfAbsent(name.toString(), k -> new Row(k, pm.path("scoreUnit").asText(), mode, new ArrayList<>()))
                .runs().add(values);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static void print(Map<String, Row> rows, PrintStream out) {
        out.println("| benchmark | unit | runs | median p0 (best) | median p50 | median p99 | median score (non-sample) |");
        out.println("|---|---|---|---|---|---|---|");
        for (Row row : rows.values()) {
            int width = row.runs().getFirst().length;
            double[] med = new double[width];
            for (int c = 0; c < width; c++) {
                int col = c;
                med[c] = median(row.runs().stream().mapToDouble(v -> v[col]).toArray());
            }
            if (row.mode().equals("sample")) {
                out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | |%n", row.name(), row.unit(), row.runs().size(),
                        fmt(med[0]), fmt(med[1]), fmt(med[2]));
            } else {
                out.printf(Locale.ROOT, "| %s | %s | %d | | | | %s (%s) |%n", row.name(), row.unit(), row.runs().size(),
                        fmt(med[0]), row.mode());
            }
        }
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
