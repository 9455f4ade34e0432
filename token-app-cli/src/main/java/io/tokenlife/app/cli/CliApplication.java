package io.tokenlife.app.cli;

import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.CliContext;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Builds the command line over the parts of a context and two writers: what {@link CliMain} runs and tests drive. */
public final class CliApplication {
    private CliApplication() {
    }

    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        ExitCodes exitCodes = new ExitCodes();
        CommandLine commandLine = new CommandLine(TokenAdminCli.class, new CliFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(exitCodes);
        commandLine.setParameterExceptionHandler(exitCodes);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(new UnknownVariableWarnings(context));
        return commandLine;
    }
}
