package dev.marquee.features;

import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Event;
import dev.marquee.events.LogRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Restore = snapshot at any offset + replay of the tail gives exactly the state of a full replay. */
class SnapshotReplayPropertyTest {
    /** Tiny bounds and a short affinity half-life so evictions, ring wrap-around and renormalisation all happen. */
    private static final FeatureStoreConfig CONFIG =
            FeatureStoreConfig.defaults().withSmallBounds(3).withAffinityHalfLifeMillis(10 * 60_000L);

    record Op(int kind, int user, int video, int dtSeconds, int watch) {
    }

    @Provide
    Arbitrary<List<Op>> streams() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 11), Arbitraries.integers().between(-120, 4 * 3600),
                Arbitraries.integers().between(0, 90)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(250);
    }

    @Property(tries = 150)
    void snapshotPlusTail_equalsFullReplay(@ForAll("streams") List<Op> ops,
                                           @ForAll @IntRange(min = 0, max = 100) int cutPercent) throws IOException {
        List<LogRecord> log = new EventFixtures().records(events(ops));
        int cut = log.size() * cutPercent / 100;

        InMemoryFeatureStore full = new InMemoryFeatureStore(CONFIG);
        full.apply(log);

        InMemoryFeatureStore head = new InMemoryFeatureStore(CONFIG);
        head.apply(log.subList(0, cut));
        Path file = Files.createTempFile("prop", ".snap");
        try {
            FeatureSnapshot.write(head, file);
            InMemoryFeatureStore restored = FeatureSnapshot.read(file, CONFIG);
            restored.apply(log); // offsets up to the snapshot are skipped: only the tail applies
            assertThat(restored.appliedOffset()).isEqualTo(full.appliedOffset());
            assertThat(SnapshotBytes.of(restored)).isEqualTo(SnapshotBytes.of(full));
            long now = T0 + 40 * 3600_000L;
            for (int u = 0; u < 6; u++) {
                UserFeatures a = full.user("u" + u, now);
                UserFeatures b = restored.user("u" + u, now);
                assertThat(b.recent().videos()).isEqualTo(a.recent().videos());
                assertThat(b.categories().scores()).isEqualTo(a.categories().scores());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Event> events(List<Op> ops) {
        EventFixtures ev = new EventFixtures();
        List<Event> out = new ArrayList<>();
        long t = T0;
        String[] ages = {"13-17", "18-24", null};
        String[] devices = {"ios", "web", null};
        for (Op op : ops) {
            t += op.dtSeconds() * 1000L;
            String u = "u" + op.user();
            String v = "v" + op.video();
            out.add(switch (op.kind()) {
                case 0 -> ev.impression(u, v, t);
                case 1 -> ev.click(u, v, t);
                case 2, 3 -> ev.view(u, v, t, op.watch());
                case 4 -> ev.share(u, v, t);
                case 5 -> ev.video(v, "c" + op.user() % 3, "k" + op.watch() % 4, t - op.watch() * 60_000L);
                case 6 -> ev.user(u, ages[op.watch() % 3], op.watch() % 4 == 0 ? null : "FR", devices[op.video() % 3], t);
                case 7 -> ev.deleted(u, t);
                default -> out.isEmpty() ? ev.click(u, v, t) : out.get(op.watch() % out.size()); // re-appended duplicate
            });
        }
        return out;
    }
}
