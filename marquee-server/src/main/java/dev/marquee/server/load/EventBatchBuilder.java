package dev.marquee.server.load;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds {@code POST /v1/events} bodies (JSON arrays) of clicks and views of recently served videos. Event
 * ids carry a per-run prefix, so repeated runs against one server never collide with the dedupe window.
 */
final class EventBatchBuilder {
    private static final double CLICK_SHARE = 0.3;
    private final ServedVideos served;
    private final String prefix;
    private final AtomicLong seq = new AtomicLong();

    EventBatchBuilder(ServedVideos served, long seed) {
        this.served = served;
        this.prefix = "bench-" + Long.toHexString(System.currentTimeMillis()) + "-" + Long.toHexString(seed & 0xffff);
    }

    /** A body of exactly {@code n} events, or null when nothing was served yet. */
    String build(int n, SplittableRandom random) {
        String[] triple = new String[3];
        String now = Instant.now().toString();
        StringBuilder sb = new StringBuilder(n * 170).append('[');
        for (int i = 0; i < n; i++) {
            if (!served.pick(random, triple)) {
                return null;
            }
            boolean click = random.nextDouble() < CLICK_SHARE;
            sb.append(i == 0 ? "{" : ",{")
                    .append("\"eventId\":\"").append(prefix).append('-').append(seq.getAndIncrement())
                    .append("\",\"type\":\"").append(click ? "click" : "view")
                    .append("\",\"timestamp\":\"").append(now)
                    .append("\",\"userId\":\"").append(escape(triple[0]))
                    .append("\",\"videoId\":\"").append(escape(triple[1])).append('"');
            if (triple[2] != null) {
                sb.append(",\"requestId\":\"").append(escape(triple[2])).append('"');
            }
            if (!click) {
                sb.append(",\"watchSeconds\":").append(1 + random.nextInt(300));
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static String escape(String s) {
        if (s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
