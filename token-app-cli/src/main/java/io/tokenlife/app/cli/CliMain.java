package io.tokenlife.app.cli;

import io.tokenlife.app.cli.wiring.CliComposition;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code bin/tokenlife}: the only class that touches the process's standard streams and exit status. */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit;
        try (CliComposition composition = CliComposition.fromEnvironment(System.getenv(), Path.of(""), System.in)) {
            exit = CliApplication.commandLine(composition.context(), out, err).execute(args);
        }
        out.flush();
        err.flush();
        System.exit(exit);
    }
}
