package dev.marquee.events;

/** The log could not make a batch durable (disk full, broker down); nothing from the batch was acknowledged. */
public class EventLogException extends RuntimeException {
    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventLogException(String message) {
        super(message);
    }
}
