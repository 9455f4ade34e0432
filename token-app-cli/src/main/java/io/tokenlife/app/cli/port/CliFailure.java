package io.tokenlife.app.cli.port;

/**
 * An operation that could not be done, with a message meant for the operator (no stack trace, no
 * secret): exit code 1.
 */
public class CliFailure extends RuntimeException {
    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
