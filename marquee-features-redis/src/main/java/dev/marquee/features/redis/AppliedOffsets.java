package dev.marquee.features.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The "applied" hash: writer id → offset of the last record that writer committed (written in the same
 * MULTI/EXEC as the record's effects). A read reports the highest of them: with several writers (one per set of
 * partitions) there is no single log position, and the maximum is the closest monotone summary.
 */
final class AppliedOffsets {
    private AppliedOffsets() {
    }

    static long max(List<byte[]> values) {
        long max = -1;
        for (byte[] v : values) {
            max = Math.max(max, Long.parseLong(new String(v, StandardCharsets.US_ASCII)));
        }
        return max;
    }

    static long parse(byte[] value) {
        return value == null ? -1 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }
}
