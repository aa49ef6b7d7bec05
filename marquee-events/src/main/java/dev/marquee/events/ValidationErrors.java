package dev.marquee.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation errors for one batch, prefixing each message with where it happened ("event 3"
 * for arrays and typed batches, "line 4" for JSON Lines). Callers move the cursor with {@link #at}.
 */
final class ValidationErrors {
    private final List<ValidationError> kept = new ArrayList<>();
    private int total;
    private int index = -1;
    private String location = "body";

    /** Subsequent errors concern the event at {@code index} of the batch, described as {@code location}. */
    void at(int index, String location) {
        this.index = index;
        this.location = location;
    }

    void atEvent(int index) {
        at(index, "event " + index);
    }

    /** Records an error about {@code field} ("" for the event as a whole) of the current event. */
    void add(String field, String detail) {
        total++;
        if (kept.size() < BatchValidationException.MAX_ERRORS) {
            String where = field.isEmpty() ? location : location + ", field '" + field + "'";
            kept.add(new ValidationError(index, field, where + ": " + detail));
        }
    }

    int total() {
        return total;
    }

    /** Throws the collected errors, if any. */
    void throwIfAny() {
        if (total > 0) {
            throw new BatchValidationException(kept, total);
        }
    }
}
