package dev.marquee.server.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency (from intended send time, microseconds) and outcome counts of one endpoint. {@link Recorder} lets
 * many virtual threads record without locks; statuses are counted per code (pseudo-codes for timeouts and
 * I/O errors, see {@link LoadClient}).
 */
final class EndpointStats {
    private static final long MAX_MICROS = 3_600_000_000L;
    private final String name;
    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder items = new LongAdder();

    EndpointStats(String name) {
        this.name = name;
    }

    void record(long latencyNanos, int status, long itemsCarried) {
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(1, latencyNanos / 1_000)));
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        items.add(itemsCarried);
    }

    /** Snapshot for the report; call once, after every request of the window finished. */
    EndpointReport report(double windowSeconds) {
        Histogram h = recorder.getIntervalHistogram();
        Map<String, Long> byStatus = new TreeMap<>();
        long errors = 0;
        for (Map.Entry<Integer, LongAdder> e : statuses.entrySet()) {
            int s = e.getKey();
            long n = e.getValue().sum();
            byStatus.put(label(s), n);
            if (s < 200 || s >= 300) {
                errors += n;
            }
        }
        long count = h.getTotalCount();
        return new EndpointReport(name, count, errors, byStatus, count / windowSeconds, items.sum(),
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount() == 0 ? 0 : h.getMean() / 1000);
    }

    static String label(int status) {
        return switch (status) {
            case LoadClient.TIMEOUT -> "timeout";
            case LoadClient.IO_ERROR -> "io-error";
            default -> Integer.toString(status);
        };
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
