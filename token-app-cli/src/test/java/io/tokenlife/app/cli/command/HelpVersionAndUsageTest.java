package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.CliApplication;
import io.tokenlife.app.cli.CliHarness;
import io.tokenlife.app.cli.CliHarness.Result;
import io.tokenlife.app.cli.FakeCliContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HelpVersionAndUsageTest {
    private final FakeCliContext context = FakeCliContext.with();

    /** Every command path of the tree, e.g. ["token", "create"]. */
    private static List<List<String>> commandPaths() {
        CommandLine root = CliApplication.commandLine(FakeCliContext.with().context(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
        paths.add(List.copyOf(prefix));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias
            }
            List<String> next = new ArrayList<>(prefix);
            next.add(name);
            collect(sub, next, paths);
        });
    }

    @TestFactory
    Stream<DynamicTest> every_command_has_help_that_exits_0() {
        return commandPaths().stream().map(path -> DynamicTest.dynamicTest("tokenlife " + String.join(" ", path) + " --help", () -> {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Result r = CliHarness.run(context, args.toArray(String[]::new));
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Usage: tokenlife");
        }));
    }

    @Test
    void the_command_tree_has_every_command_of_the_spec() {
        assertThat(commandPaths()).extracting(p -> String.join(" ", p)).contains(
                "token create", "token decode", "token verify", "token revoke", "token revoke-subject", "token revoke-all",
                "token list", "token purge", "user add", "user disable", "user list", "keys generate", "keys jwks",
                "config check", "db migrate", "db info", "generate-completion");
    }

    @Test
    void version_prints_the_project_version() {
        Result r = CliHarness.run(context, "--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("tokenlife ").doesNotContain("unknown");
    }

    @Test
    void an_unknown_command_or_option_is_bad_usage_with_a_suggestion() {
        Result command = CliHarness.run(context, "tokn");
        Result option = CliHarness.run(context, "token", "list", "--jsn");

        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err()).contains("tokn").contains("token");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("--jsn").contains("Try 'tokenlife token list --help'");
    }

    @Test
    void a_group_without_subcommand_is_bad_usage() {
        Result r = CliHarness.run(context, "token");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required subcommand");
    }

    @Test
    void generate_completion_prints_a_bash_script_for_tokenlife() {
        Result r = CliHarness.run(context, "generate-completion");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("tokenlife").contains("revoke-subject");
    }
}
