package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.server.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole evaluation on a small generated world and checks the report is complete and consistent. */
class EvalCommandTest {
    private static final List<String> SOURCES = List.of("two-tower", "co-watch", "content", "trending",
            "segment-popular", "fresh", "merged", "popular", "random");
    private static final List<String> POLICIES = List.of("marquee", "popular", "random", "trending", "co-watch", "two-tower");
    private static final List<String> MODELS = List.of("ranker", "logistic", "popularity");

    @TempDir
    Path tmp;

    @Test
    void eval_smallWorld_jsonHasEveryKey_numbersInRange_andRecallMonotoneInK() throws Exception {
        Path data = tmp.resolve("world");
        Path out = tmp.resolve("report");
        assertThat(Main.run("generate", "--data", data.toString(), "--videos", "500", "--users", "250", "--days", "2",
                "--seed", "5", "--start", "2026-11-01")).isZero();
        long t0 = System.nanoTime();
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.run("eval", "--data", data.toString(), "--epochs", "1", "--max-rows", "5000", "--json",
                    "--out", out.toString(), "--weight-variant", "1:2:4:0:0:0.1");
        } finally {
            System.setOut(old);
        }
        System.err.printf("eval on the small world took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(rc).isZero();
        JsonNode json = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));

        for (String source : SOURCES) {
            JsonNode s = json.get("retrieval").get(source);
            assertThat(s).as(source).isNotNull();
            double previous = 0;
            for (String k : List.of("recall@10", "recall@20", "recall@50", "recall@100", "recall@200", "recall@500", "recall@1000")) {
                double v = s.get(k).asDouble();
                assertThat(v).as(source + " " + k).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
                previous = v;
            }
        }
        for (String policy : java.util.stream.Stream.concat(POLICIES.stream(), java.util.stream.Stream.of("marquee-w[1:2:4:0:0:0.1]")).toList()) {
            JsonNode p = json.get("ranking").get(policy);
            assertThat(p).as(policy).isNotNull();
            for (String k : List.of("ndcg@10", "ndcg@20", "recall@10", "recall@20", "mrr", "coverage", "hit_rate",
                    "creator_diversity", "category_diversity", "novelty", "fresh_share")) {
                assertThat(p.get(k).asDouble()).as(policy + " " + k).isBetween(0.0, 1.0);
            }
            assertThat(p.get("recall@20").asDouble()).isGreaterThanOrEqualTo(p.get("recall@10").asDouble());
            assertThat(p.get("hit_rate").asDouble()).isGreaterThanOrEqualTo(p.get("recall@20").asDouble() > 0 ? 1e-9 : 0);
        }
        assertThat(json.get("ranking").get("random").get("coverage").asDouble())
                .isGreaterThan(json.get("ranking").get("popular").get("coverage").asDouble());
        for (String model : MODELS) {
            for (String head : List.of("click", "watch30", "share")) {
                JsonNode h = json.get("heads").get(model).get(head);
                assertThat(h.has("auc") && h.has("logloss")).as(model + " " + head).isTrue();
                assertThat(h.get("auc").isNull() || (h.get("auc").asDouble() >= 0 && h.get("auc").asDouble() <= 1)).isTrue();
                assertThat(h.get("logloss").asDouble()).isPositive();
            }
            assertThat(json.get("calibration").get(model).get("click")).hasSize(10);
        }
        JsonNode holdout = json.get("holdout");
        assertThat(holdout.get("evaluatedUsers").asInt()).isPositive().isLessThanOrEqualTo(holdout.get("holdoutUsers").asInt());
        int newUsers = holdout.get("evaluatedNewUsers").asInt();
        assertThat(newUsers).isBetween(0, holdout.get("evaluatedUsers").asInt());
        for (String source : SOURCES) {
            JsonNode s = json.get("retrieval_new_users").get(source);
            assertThat(s).as("new users " + source).isNotNull();
            assertThat(s.get("users").asInt()).isEqualTo(newUsers);
            assertThat(s.get("recall@1000").asDouble()).isBetween(0.0, 1.0);
        }

        assertThat(new ObjectMapper().readTree(Files.readString(out.resolve("metrics.json")))).isEqualTo(json);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg", "Recall@K", "Calibration", "marquee").doesNotContain("<script");
    }

    @Test
    void weightVariant_parsesSixNumbers_andRejectsAnythingElse() {
        assertThat(EvalCommand.parseWeights("1:2:4:0.25:0:0.1")).isEqualTo(new ScoreWeights(1, 2, 4, 0.25, 0, 0.1));
        assertThatThrownBy(() -> EvalCommand.parseWeights("1:2:4")).isInstanceOf(CliException.class)
                .hasMessageContaining("six numbers");
        assertThatThrownBy(() -> EvalCommand.parseWeights("1:2:4:x:0:0")).isInstanceOf(CliException.class)
                .hasMessageContaining("not a number: x");
        assertThatThrownBy(() -> EvalCommand.parseWeights("1:2:4:0:0:-1")).isInstanceOf(CliException.class)
                .hasMessageContaining("w_dur");
    }
}
