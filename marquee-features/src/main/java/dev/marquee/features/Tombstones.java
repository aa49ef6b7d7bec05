package dev.marquee.features;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Deleted users and the event time of their deletion. Any later-applied event of such a user whose event
 * time is not after the deletion (a late or replayed event that predates the request to be forgotten) is
 * skipped, so a forgotten user cannot be resurrected by old events; events after the deletion start a fresh
 * user. Aggregates that hold no per-user data (video counters, co-watch, popularity) keep the user's past
 * contributions. Writer-only; part of snapshots.
 */
final class Tombstones {
    private final Int2LongOpenHashMap deletedAt = new Int2LongOpenHashMap();

    Tombstones() {
        deletedAt.defaultReturnValue(Long.MIN_VALUE);
    }

    void add(int user, long at) {
        deletedAt.put(user, Math.max(at, deletedAt.get(user)));
    }

    /** Whether an event of {@code user} at event time {@code t} predates the user's deletion. */
    boolean suppresses(int user, long t) {
        return !deletedAt.isEmpty() && t <= deletedAt.get(user);
    }

    int size() {
        return deletedAt.size();
    }

    void writeTo(DataOutputStream out) throws IOException {
        int[] users = deletedAt.keySet().toIntArray();
        IntArrays.quickSort(users);
        out.writeInt(users.length);
        for (int u : users) {
            out.writeInt(u);
            out.writeLong(deletedAt.get(u));
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("snapshot corrupt: tombstone count " + n);
        }
        for (int i = 0; i < n; i++) {
            deletedAt.put(in.readInt(), in.readLong());
        }
    }
}
