package dev.marquee.server.cli;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends validated ratings as events in time order: items never rated first (at the first rating's time),
 * then each rating's events, preceded by its user's and item's upsert the first time either appears.
 */
final class RatingsEventStream {
    private final RatingsCsvImporter source;

    RatingsEventStream(RatingsCsvImporter source) {
        this.source = source;
    }

    RatingsCsvImporter.Summary appendTo(EventSink sink) {
        RatingColumns c = source.columns();
        int n = c.rows();
        long[] order = new long[n];
        for (int r = 0; r < n; r++) {
            order[r] = (c.seconds(r) << 25) | r; // time, then file order (rows < 2^25, seconds < 2^38)
        }
        Arrays.sort(order);
        long first = c.seconds((int) (order[0] & ((1 << 25) - 1))) * 1000;
        BitSet ratedItems = new BitSet();
        for (int r = 0; r < n; r++) {
            ratedItems.set(c.itemOf(r));
        }
        List<Event> batch = new ArrayList<>(ImportCommand.BATCH + 8);
        long[] counts = new long[2];
        for (int item = 0; item < source.itemCount(); item++) {
            if (!ratedItems.get(item)) {
                batch.add(RatingsCsvMapping.videoEvent(source.video(item, first)));
                flushIfFull(sink, batch, counts);
            }
        }
        BitSet seenItems = new BitSet();
        Set<String> seenUsers = new HashSet<>();
        for (long key : order) {
            int r = (int) (key & ((1 << 25) - 1));
            long millis = c.seconds(r) * 1000;
            String user = source.user(c.userOf(r));
            int item = c.itemOf(r);
            if (seenUsers.add(user)) {
                batch.add(RatingsCsvMapping.userEvent(user, millis));
            }
            if (!seenItems.get(item)) {
                seenItems.set(item);
                batch.add(RatingsCsvMapping.videoEvent(source.video(item, millis)));
            }
            batch.addAll(RatingsCsvMapping.ratingEvents(user, source.itemId(item), c.rating(r), millis));
            flushIfFull(sink, batch, counts);
        }
        flush(sink, batch, counts);
        return new RatingsCsvImporter.Summary(source.itemCount(), source.userCount(), n, counts[0], counts[1]);
    }

    private static void flushIfFull(EventSink sink, List<Event> batch, long[] counts) {
        if (batch.size() >= ImportCommand.BATCH) {
            flush(sink, batch, counts);
        }
    }

    private static void flush(EventSink sink, List<Event> batch, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        AppendResult r = sink.append(batch);
        counts[0] += r.accepted();
        counts[1] += r.duplicates();
        batch.clear();
    }
}
