package dev.marquee.events;

import java.util.ArrayList;
import java.util.List;

/** Small event fixtures shared by the tests of every {@link EventLog} backend. */
public final class TestEvents {
    /** 2025-06-15T00:00:00Z: a fixed event time so dedupe windows are deterministic. */
    public static final long T0 = 1_749_945_600_000L;

    private TestEvents() {
    }

    public static Impression impression(String eventId, long ts) {
        return new Impression(eventId, ts, "u-1", "v-1", "r-1", 3);
    }

    public static Click click(String eventId) {
        return new Click(eventId, T0, "u-1", "v-1", null);
    }

    /** {@code n} distinct small interaction events with ids {@code prefix0..prefix(n-1)}, all at {@link #T0}. */
    public static List<Event> batch(String prefix, int n) {
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = prefix + i;
            out.add(switch (i % 4) {
                case 0 -> new Impression(id, T0 + i, "u-" + (i % 97), "v-" + (i % 1013), "r-" + (i / 10), i % 10);
                case 1 -> new Click(id, T0 + i, "u-" + (i % 97), "v-" + (i % 1013), "r-" + (i / 10));
                case 2 -> new View(id, T0 + i, "u-" + (i % 97), "v-" + (i % 1013), null, 12.5 + i % 100);
                default -> new Share(id, T0 + i, "u-" + (i % 97), "v-" + (i % 1013), "r-" + (i / 10));
            });
        }
        return out;
    }

    /** One event of every type, with unicode and an empty tag list among them. */
    public static List<Event> everyType() {
        return List.of(
                new Impression("e-imp", T0, "u-1", "v-1", "r-1", 0),
                new Click("e-click", T0 + 1, "u-1", "v-1", null),
                new View("e-view", T0 + 2, "u-1", "v-1", "r-1", 31.25),
                new Share("e-share", T0 + 3, "u-1", "v-1", "r-1"),
                new VideoUpserted("e-video", T0 + 4, new Video("v-1", "c-1", "music", "Ünïcode title ✓",
                        List.of("jazz", "live"), 245, T0 - 86_400_000L, "en")),
                new VideoUpserted("e-video2", T0 + 5, new Video("v-2", "c-1", "news", "t", List.of(), 1, T0, "fr")),
                new UserUpserted("e-user", T0 + 6, new UserProfile("u-1", "25-34", "DE", "android", T0 - 1000)),
                new UserDeleted("e-del", T0 + 7, "u-9"));
    }

    public static List<String> ids(List<LogRecord> records) {
        return records.stream().map(r -> r.event().eventId()).toList();
    }
}
