package dev.marquee.events.kafka;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * This node's memory of appended eventIds, so a client retry is acknowledged without being written twice.
 * Keys are the 64-bit {@code EventIdHash} of each id (the hash the file log's dedupe window uses). Design: a
 * FIFO ring of the last {@code capacity} acknowledged hashes plus a primitive hash set over it, and a second
 * set of hashes whose append is in flight: an id counts as a duplicate when it was acknowledged recently, is
 * in flight in another append, or repeats within the batch. In-flight ids move to the ring when their append
 * is acknowledged and are forgotten when it fails, so a retry after a failure is written again.
 *
 * <p>Unlike the file log's window (24 h of event time) this one is bounded by count only: it remembers the
 * last {@code capacity} ids appended through this node (plus the topic's tail read at open). Duplicates that
 * arrive through different nodes, or further apart, reach the log; consumers drop them by event id.
 * Thread-safe (one monitor; every call is a few hash-set operations per event).
 */
final class EventIdDeduper {
    private final long[] ring;
    private final LongOpenHashSet acknowledged;
    private final LongOpenHashSet inFlight = new LongOpenHashSet();
    private final LongOpenHashSet batch = new LongOpenHashSet();
    private int head;
    private int size;

    EventIdDeduper(int capacity) {
        ring = new long[capacity];
        acknowledged = new LongOpenHashSet(Math.min(capacity, 1 << 16));
    }

    /**
     * Marks in {@code duplicate} the hashes already known or repeated within the batch and reserves the
     * others as in flight; returns how many were reserved.
     */
    synchronized int reserve(long[] hashes, int n, boolean[] duplicate) {
        batch.clear();
        int reserved = 0;
        for (int i = 0; i < n; i++) {
            long h = hashes[i];
            duplicate[i] = acknowledged.contains(h) || inFlight.contains(h) || !batch.add(h);
            if (!duplicate[i]) {
                inFlight.add(h);
                reserved++;
            }
        }
        return reserved;
    }

    /** Ends the reservation of the non-duplicate hashes: remembered when {@code stored}, forgotten otherwise. */
    synchronized void release(long[] hashes, int n, boolean[] duplicate, boolean stored) {
        for (int i = 0; i < n; i++) {
            if (!duplicate[i]) {
                inFlight.remove(hashes[i]);
                if (stored) {
                    remember(hashes[i]);
                }
            }
        }
    }

    /** Remembers an id already in the log (recovery at open). */
    synchronized void remember(long hash) {
        if (!acknowledged.add(hash)) {
            return;
        }
        if (size == ring.length) {
            acknowledged.remove(ring[head]);
        } else {
            size++;
        }
        ring[head] = hash;
        head = head + 1 == ring.length ? 0 : head + 1;
    }

    synchronized int size() {
        return size;
    }
}
