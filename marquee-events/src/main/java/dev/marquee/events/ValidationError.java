package dev.marquee.events;

/**
 * One reason a batch was rejected, in the shape the HTTP API returns ({@code {index, field, message}}).
 *
 * @param index   0-based position of the event in the batch, or -1 when the error concerns the whole body
 * @param field   the offending JSON field (camelCase), or "" when the error is not about one field
 * @param message human-readable, self-contained: names the event ("event 3" or, for JSON Lines,
 *                "line 4"), the field and what was wrong
 */
public record ValidationError(int index, String field, String message) {
}
