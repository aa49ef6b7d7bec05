package dev.marquee.events;

import java.util.List;

/**
 * A batch was rejected whole: nothing from it may be appended. Carries every error found (up to
 * {@link #MAX_ERRORS}; {@link #totalErrors()} tells how many there were in all) so a client can fix
 * the whole batch in one round trip.
 */
public final class BatchValidationException extends IllegalArgumentException {
    /** Errors kept beyond this are only counted: a bad file of a million lines must not build a huge answer. */
    public static final int MAX_ERRORS = 100;

    private final transient List<ValidationError> errors;
    private final int totalErrors;

    public BatchValidationException(List<ValidationError> errors, int totalErrors) {
        super(summary(errors, totalErrors));
        this.errors = List.copyOf(errors);
        this.totalErrors = totalErrors;
    }

    /** The first {@link #MAX_ERRORS} errors, in batch order. */
    public List<ValidationError> errors() {
        return errors;
    }

    /** How many errors the batch had, including those not kept in {@link #errors()}. */
    public int totalErrors() {
        return totalErrors;
    }

    private static String summary(List<ValidationError> errors, int total) {
        if (errors.isEmpty()) {
            return "invalid batch";
        }
        String first = errors.getFirst().message();
        return total == 1 ? "invalid batch: " + first
                : "invalid batch: " + total + " errors; first: " + first;
    }
}
