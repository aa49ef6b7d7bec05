package dev.marquee.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI on a tiny world, with the policies that need no training (fast). */
class SimulateCommandTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate() {
        assertThat(Main.run("generate", "--data", tmp.resolve("w").toString(), "--videos", "800", "--users", "300",
                "--days", "3", "--seed", "5", "--start", "2026-11-01")).isZero();
    }

    private static JsonNode simulate(String... extra) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String[] base = {"simulate", "--data", tmp.resolve("w").toString(), "--days", "2", "--json"};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                    .toArray(String[]::new);
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void simulate_popularAndOracle_reportsConsistentMetrics_andRepeats() throws Exception {
        Path out = tmp.resolve("report");
        JsonNode a = simulate("--policy", "popular,oracle", "--out", out.toString());
        JsonNode b = simulate("--policy", "popular,oracle");

        for (String policy : List.of("popular", "oracle")) {
            JsonNode p = a.get(policy);
            for (String key : List.of("ctr", "long_view_rate", "share_rate", "coverage", "new_video_exposure")) {
                assertThat(p.get(key).asDouble()).as(policy + " " + key).isBetween(0.0, 1.0);
            }
            assertThat(p.get("watch_minutes_per_session").asDouble()).isPositive();
            assertThat(p.get("long_views").asLong()).isLessThanOrEqualTo(p.get("clicks").asLong());
            assertThat(p.get("clicks").asLong()).isLessThanOrEqualTo(p.get("impressions").asLong());
            assertThat(p.get("days")).hasSize(2);
            long dayImpressions = p.get("days").get(0).get("impressions").asLong() + p.get("days").get(1).get("impressions").asLong();
            assertThat(dayImpressions).isEqualTo(p.get("impressions").asLong());
            assertThat(withoutSeconds(b.get(policy))).as("same seed, same numbers").isEqualTo(withoutSeconds(p));
        }
        assertThat(a.get("popular").get("sessions")).isEqualTo(a.get("oracle").get("sessions"));
        assertThat(a.get("oracle").get("long_view_rate").asDouble()).isGreaterThan(a.get("popular").get("long_view_rate").asDouble());
        assertThat(Files.readString(out.resolve("simulation.html"))).contains("<svg", "popular", "oracle");
        assertThat(new ObjectMapper().readTree(out.resolve("simulation.json").toFile()).get("oracle")).isNotNull();
    }

    @Test
    void simulate_tooManyDays_failsWithClearMessage() {
        assertThat(Main.run("simulate", "--data", tmp.resolve("w").toString(), "--days", "3", "--policy", "popular"))
                .isEqualTo(2);
    }

    private static JsonNode withoutSeconds(JsonNode n) {
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy();
        copy.remove("seconds");
        return copy;
    }
}
