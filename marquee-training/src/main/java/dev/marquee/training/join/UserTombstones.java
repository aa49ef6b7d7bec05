package dev.marquee.training.join;

import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserUpserted;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The right to be forgotten in training data. A {@link UserDeleted} tombstone sits in the log AFTER the user's
 * events, so a one-pass dataset builder would already have turned them into examples; builders therefore
 * scan the tombstones first and drop every event (and served impression) of a deleted user whose event time is
 * not after the deletion — the same rule the feature store's replay applies. Events after the deletion belong
 * to a new user of the same id and are kept.
 */
public final class UserTombstones {
    private static final int READ_BATCH = 8192;
    private final Map<String, Long> deletedAt;

    private UserTombstones(Map<String, Long> deletedAt) {
        this.deletedAt = deletedAt;
    }

    /** No deleted users (for logs known to hold no tombstones, and tests). */
    public static UserTombstones none() {
        return new UserTombstones(Map.of());
    }

    /** Reads the log once to its current end and keeps each deleted user's latest deletion time. */
    public static UserTombstones scan(EventLog log) {
        Map<String, Long> deleted = new HashMap<>();
        long end = log.endOffset();
        for (long from = 0; from < end; ) {
            List<LogRecord> batch = log.read(from, READ_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (LogRecord r : batch) {
                if (r.event() instanceof UserDeleted d) {
                    deleted.merge(d.userId(), d.timestamp(), Math::max);
                }
            }
            from = batch.getLast().offset() + 1;
        }
        return new UserTombstones(deleted);
    }

    /** Whether {@code userId}'s data at event time {@code t} was deleted later (or at the same instant). */
    public boolean suppresses(String userId, long t) {
        if (deletedAt.isEmpty() || userId == null) {
            return false;
        }
        Long at = deletedAt.get(userId);
        return at != null && t <= at;
    }

    /** Whether a builder must skip {@code e}: an interaction or profile of a user forgotten after it. */
    public boolean suppresses(Event e) {
        return switch (e) {
            case Interaction i -> suppresses(i.userId(), i.timestamp());
            case UserUpserted u -> u.user() != null && suppresses(u.user().userId(), u.timestamp());
            default -> false;
        };
    }

    public int size() {
        return deletedAt.size();
    }
}
