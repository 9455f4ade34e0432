package io.tokenlife.app.cli.port;

/** The configured database could not be opened; the message names it without credentials. */
public final class DatabaseUnavailableException extends CliFailure {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
