package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.settings.InvalidSettingsException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The one place where outcomes become exit codes: 0 success, 1 rejected or failed operation,
 * 2 bad usage. Commands return {@link #OK} or {@link #FAILED}, or throw a {@link UsageException} for what
 * the operator typed (the domain's {@code Invalid} results among it); every exception lands here and
 * becomes one line on stderr that says what is wrong, never a stack trace.
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** An exit code and the sentence to print. */
    public record Failure(int code, String message) {
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Failure failure = classify(ex);
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + failure.message());
        if (failure.code() == USAGE) {
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return failure.code();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    /**
     * Bad usage is 2; infrastructure and refused operations are failures (1), and so is anything unexpected,
     * an {@code IllegalArgumentException} from below a command too: that is a bug, not the operator's input.
     */
    public static Failure classify(Throwable e) {
        if (e instanceof InvalidSettingsException) {
            return new Failure(FAILED, "configuration error: " + e.getMessage());
        }
        if (e instanceof CliFailure) {
            return new Failure(FAILED, e.getMessage());
        }
        if (e instanceof StoreUnavailableException) {
            return new Failure(FAILED, "the database is unavailable, nothing was changed: " + e.getMessage());
        }
        if (e instanceof UsageException) {
            return new Failure(USAGE, e.getMessage());
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return new Failure(FAILED, "I/O error: " + e.getMessage());
        }
        return new Failure(FAILED, "unexpected error (" + e.getClass().getSimpleName() + "): " + e.getMessage());
    }
}
