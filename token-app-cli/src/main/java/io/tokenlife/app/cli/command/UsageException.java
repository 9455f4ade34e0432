package io.tokenlife.app.cli.command;

/** The operator typed something the command cannot use: exit 2, the message and a pointer to --help. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
