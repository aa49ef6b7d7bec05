package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
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

class RatingsCsvImportTest {
    @TempDir
    Path tmp;

    private static final String ITEMS = """
            movieId,title,genres
            1,Toy Story (1995),Adventure|Animation|Children
            2,"American President, The (1995)",Comedy|Drama|Romance
            3,Unrated Film (2001),(no genres listed)
            """;

    // out of time order on purpose: the import sorts by timestamp
    private static final String RATINGS = """
            userId,movieId,rating,timestamp
            7,2,3.0,1700000100
            7,1,4.0,1700000000
            8,1,5.0,1700000200
            """;

    private static List<Event> events(Path data) {
        try (FileEventLog log = FileEventLog.open(data.resolve("events"))) {
            List<Event> out = new ArrayList<>();
            for (LogRecord r : log.read(0, Integer.MAX_VALUE)) {
                out.add(r.event());
            }
            return out;
        }
    }

    private int run(String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void ratings_mapToUpsertsImpressionsClicksAndViews_inTimeOrder() throws Exception {
        Path items = Files.writeString(tmp.resolve("items.csv"), ITEMS);
        Path ratings = Files.writeString(tmp.resolve("ratings.csv"), RATINGS);
        Path data = tmp.resolve("d");

        assertThat(run("import", "--data", data.toString(), "--format", "ratings-csv", "--ratings", ratings.toString(),
                "--items", items.toString())).isZero();

        List<Event> events = events(data);
        assertThat(events).extracting(Event::timestamp).isSorted();
        VideoUpserted unrated = (VideoUpserted) events.getFirst();
        assertThat(unrated.video().videoId()).isEqualTo("3");
        assertThat(unrated.video().category()).isEqualTo("unknown");
        assertThat(unrated.timestamp()).isEqualTo(1_700_000_000_000L);
        VideoUpserted toyStory = events.stream().filter(e -> e instanceof VideoUpserted v && v.video().videoId().equals("1"))
                .map(VideoUpserted.class::cast).findFirst().orElseThrow();
        assertThat(toyStory.video().category()).isEqualTo("adventure");
        assertThat(toyStory.video().tags()).containsExactly("adventure", "animation", "children");
        assertThat(toyStory.video().creatorId()).startsWith("rc-adventure-");
        assertThat(toyStory.video().uploadedAt()).isEqualTo(1_700_000_000_000L);
        assertThat(events.stream().filter(e -> e instanceof VideoUpserted v && v.video().videoId().equals("2"))
                .map(e -> ((VideoUpserted) e).video().title())).containsExactly("American President, The (1995)");
        assertThat(events.stream().filter(UserUpserted.class::isInstance)).hasSize(2);
        assertThat(events.stream().filter(Impression.class::isInstance)).hasSize(3);
        assertThat(events.stream().filter(Click.class::isInstance)).hasSize(3);
        List<View> views = events.stream().filter(View.class::isInstance).map(View.class::cast).toList();
        assertThat(views).extracting(v -> v.userId() + ":" + v.videoId() + ":" + v.isLongView())
                .containsExactly("7:1:true", "7:2:false", "8:1:true");
        assertThat(events.stream().filter(Share.class::isInstance).map(e -> ((Share) e).userId())).containsExactly("8");
        int userFirst = indexOf(events, e -> e instanceof UserUpserted u && u.user().userId().equals("8"));
        int ratingOf8 = indexOf(events, e -> e instanceof Impression i && i.userId().equals("8"));
        assertThat(userFirst).isLessThan(ratingOf8);
    }

    private static int indexOf(List<Event> events, java.util.function.Predicate<Event> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void badRows_failWithLineNumbers_andAppendNothing() throws Exception {
        Path items = Files.writeString(tmp.resolve("items.csv"), ITEMS);
        Path ratings = Files.writeString(tmp.resolve("ratings.csv"), """
                userId,movieId,rating,timestamp
                7,1,4.0,1700000000
                7,99,4.0,1700000000
                8,1,four,1700000000
                9,1,4.0
                """);
        Path data = tmp.resolve("d");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.run("import", "--data", data.toString(), "--format", "ratings-csv", "--ratings", ratings.toString(),
                    "--items", items.toString());
        } finally {
            System.setErr(old);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).isEqualTo(2);
        assertThat(message).contains("3 bad row(s)", "ratings.csv:3: item 99 is not in the items file",
                "ratings.csv:4: rating must be a number", "ratings.csv:5: expected 4 fields");
        assertThat(events(data)).isEmpty();
    }

    @Test
    void ratingsFormat_withoutItems_isACliError() throws Exception {
        Path ratings = Files.writeString(tmp.resolve("ratings.csv"), RATINGS);
        assertThat(run("import", "--data", tmp.resolve("d").toString(), "--format", "ratings-csv", "--ratings",
                ratings.toString())).isEqualTo(2);
        assertThat(run("import", "--data", tmp.resolve("d").toString(), "--format", "xml", ratings.toString())).isEqualTo(2);
    }
}
