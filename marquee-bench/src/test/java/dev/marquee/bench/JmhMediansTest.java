package dev.marquee.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhMediansTest {
    @TempDir
    Path dir;

    @Test
    void median_oddAndEvenCounts() {
        assertThat(JmhMedians.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(JmhMedians.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void sampleRuns_areSummarisedPerParameterSet_asMediansOverRuns() throws IOException {
        Path[] runs = new Path[3];
        double[] p50 = {2.0, 9.0, 3.0};
        for (int i = 0; i < 3; i++) {
            runs[i] = Files.createDirectories(dir.resolve("run-" + i));
            Files.writeString(runs[i].resolve("RankerScoringBench.json"), """
                    [{"benchmark":"dev.marquee.bench.RankerScoringBench.score","mode":"sample","params":{"shape":"student"},
                      "primaryMetric":{"score":1,"scoreUnit":"ms/op","scorePercentiles":{"0.0":1.0,"50.0":%s,"99.0":%s}}},
                     {"benchmark":"dev.marquee.bench.FeatureUpdateBench.apply","mode":"thrpt",
                      "primaryMetric":{"score":%s,"scoreUnit":"ops/s","scorePercentiles":{}}}]
                    """.formatted(p50[i], 10 * p50[i], 1000 * (i + 1)));
        }
        var rows = JmhMedians.collect(List.of(runs));
        assertThat(rows).containsOnlyKeys("RankerScoringBench.score shape=student", "FeatureUpdateBench.apply");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JmhMedians.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| RankerScoringBench.score shape=student | ms/op | 3 | 1.00 | 3.00 | 30.0 | |");
        assertThat(table).contains("| FeatureUpdateBench.apply | ops/s | 3 | | | | 2000 (thrpt) |");
    }
}
