package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.port.CliContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A leaf command: gets the context from the factory and prints through its command line's writers. */
public abstract class CliCommand implements Callable<Integer> {
    protected final CliContext context;

    @Spec
    protected CommandSpec spec;

    protected CliCommand(CliContext context) {
        this.context = context;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** {@code -} reads the value from standard input, so tokens and secrets stay out of shell history. */
    protected String orStandardInput(String value) {
        return "-".equals(value) ? context.readStandardInput().strip() : value;
    }
}
