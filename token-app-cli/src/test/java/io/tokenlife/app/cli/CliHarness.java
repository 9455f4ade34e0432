package io.tokenlife.app.cli;

import io.tokenlife.app.cli.port.CliContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in this JVM through picocli, with captured stdout and stderr. */
public final class CliHarness {
    private CliHarness() {
    }

    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(FakeCliContext context, String... args) {
        return run(context.context(), args);
    }

    public static Result run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CliApplication.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
