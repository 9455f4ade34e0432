package io.tokenlife.app.cli;

import io.tokenlife.app.cli.command.GenerateCompletionSubcommand;
import io.tokenlife.app.cli.command.config.ConfigSubcommand;
import io.tokenlife.app.cli.command.db.DbSubcommand;
import io.tokenlife.app.cli.command.keys.KeysSubcommand;
import io.tokenlife.app.cli.command.token.TokenSubcommand;
import io.tokenlife.app.cli.command.user.UserSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The root command; {@code --help} and {@code --version} are inherited by every subcommand. */
@Command(name = "tokenlife", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, synopsisSubcommandLabel = "COMMAND",
        description = {"Administer tokenlife: tokens, users, keys, configuration and the database.",
                "Reads the same configuration as the service: the environment plus a .env file in the working "
                        + "directory (the environment wins)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  rejected or failed operation (message on stderr)", "  2  bad usage"},
        subcommands = {TokenSubcommand.class, UserSubcommand.class, KeysSubcommand.class, ConfigSubcommand.class,
                DbSubcommand.class, GenerateCompletionSubcommand.class})
final class TokenAdminCli {
}
