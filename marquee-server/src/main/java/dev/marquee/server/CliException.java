package dev.marquee.server;

/** A user error on the command line (bad file, missing data): printed as one line, exit code 2, no stack trace. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
