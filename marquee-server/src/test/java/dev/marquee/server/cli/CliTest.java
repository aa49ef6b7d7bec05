package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.events.Event;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private static String[] generateArgs(Path dir) {
        return new String[] {"generate", "--data", dir.toString(), "--videos", "600", "--users", "300", "--days", "2",
                "--seed", "11", "--start", "2026-11-01"};
    }

    private static String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static List<Event> events(Path dir) {
        try (FileEventLog log = FileEventLog.open(dir.resolve("events"))) {
            List<Event> out = new ArrayList<>();
            for (LogRecord r : log.read(0, Integer.MAX_VALUE)) {
                out.add(r.event());
            }
            return out;
        }
    }

    @Test
    void generate_sameSeedTwice_givesIdenticalStatsAndEventStreams() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        stdout(generateArgs(a));
        stdout(generateArgs(b));

        JsonNode sa = new ObjectMapper().readTree(stdout("stats", "--data", a.toString()));
        JsonNode sb = new ObjectMapper().readTree(stdout("stats", "--data", b.toString()));

        assertThat(sa).isEqualTo(withoutTimings(sb, sa));
        assertThat(sa.get("videos").asInt()).isEqualTo(600);
        assertThat(sa.get("users").asInt()).isEqualTo(300);
        assertThat(sa.get("creators").asInt()).isPositive();
        for (String type : List.of("impression", "click", "view", "share")) {
            assertThat(sa.get("events").get(type).asLong()).as(type).isPositive();
        }
        assertThat(sa.get("features").get("users").asInt()).isEqualTo(300);
        assertThat(events(a)).isEqualTo(events(b));
    }

    /** Replay timings differ run to run; everything else must be equal. */
    private static JsonNode withoutTimings(JsonNode b, JsonNode a) {
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) b.deepCopy();
        var features = (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("features");
        features.set("replaySeconds", a.get("features").get("replaySeconds"));
        features.set("replayEventsPerSecond", a.get("features").get("replayEventsPerSecond"));
        return copy;
    }

    @Test
    void generate_differentSeed_givesDifferentStream() {
        Path a = tmp.resolve("a");
        Path c = tmp.resolve("c");
        stdout(generateArgs(a));
        String[] other = generateArgs(c);
        other[10] = "12";
        stdout(other);
        assertThat(events(a)).isNotEqualTo(events(c));
    }

    @Test
    void import_rejectsWholeFileWithABadLine_andAppendsAGoodOne() throws Exception {
        Path data = tmp.resolve("d");
        Path good = tmp.resolve("good.jsonl");
        Path bad = tmp.resolve("bad.jsonl");
        String video = "{\"type\":\"video\",\"eventId\":\"v-1\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"videoId\":\"vid1\","
                + "\"creatorId\":\"c1\",\"category\":\"cooking\",\"title\":\"Garlic noodles\",\"tags\":[\"noodles\"],"
                + "\"durationSeconds\":412,\"uploadedAt\":\"2026-11-20T10:00:00Z\",\"language\":\"en\"}";
        String view = "{\"type\":\"view\",\"eventId\":\"w-1\",\"timestamp\":\"2026-11-20T10:03:05Z\",\"userId\":\"alice\","
                + "\"videoId\":\"vid1\",\"requestId\":\"r-1\",\"watchSeconds\":118.5}";
        Files.writeString(good, video + "\n" + view + "\n");
        Files.writeString(bad, video.replace("v-1", "v-2") + "\n{\"type\":\"view\",\"eventId\":\"w-2\"}\n");

        int rc = Main.run("import", "--data", data.toString(), bad.toString(), good.toString());

        assertThat(rc).isEqualTo(1);
        List<Event> stored = events(data);
        assertThat(stored).extracting(Event::eventId).containsExactly("v-1", "w-1");
    }

    @Test
    void stats_onMissingData_failsWithAClearMessage() {
        assertThat(Main.run("stats", "--data", tmp.resolve("nothing").toString())).isEqualTo(2);
    }
}
