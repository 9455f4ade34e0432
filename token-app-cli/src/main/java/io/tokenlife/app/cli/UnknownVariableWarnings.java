package io.tokenlife.app.cli;

import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.domain.policy.ConfigurationFinding;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.List;

/**
 * Runs the chosen command after one warning per variable that is set, is not ours but looks like ours
 * ({@code ENVIROMENT}, {@code JWT_SECRET}): the parser ignores it, so the operator must hear of it. Not for
 * help and version, and not for {@code config}, whose commands report these themselves.
 */
final class UnknownVariableWarnings implements CommandLine.IExecutionStrategy {
    private final CliContext context;
    private final CommandLine.IExecutionStrategy next = new CommandLine.RunLast();

    UnknownVariableWarnings(CliContext context) {
        this.context = context;
    }

    @Override
    public int execute(ParseResult parseResult) {
        if (shouldWarn(parseResult)) {
            warnings().forEach(w -> parseResult.commandSpec().commandLine().getErr().println("warning: " + w.message()));
        }
        return next.execute(parseResult);
    }

    private static boolean shouldWarn(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (true) {
            if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
                return false;
            }
            if (!leaf.hasSubcommand()) {
                break;
            }
            leaf = leaf.subcommand();
        }
        List<String> path = List.of(leaf.commandSpec().qualifiedName().split(" "));
        return path.size() > 1 && !path.get(1).equals("config");
    }

    /** A broken .env is the command's to report, in its own words. */
    private List<ConfigurationFinding> warnings() {
        try {
            return context.configurationTool().unknownVariables();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
