package io.tokenlife.app.cli.command.user;

import picocli.CommandLine.Command;

@Command(name = "user", description = "Manage the users of the database.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {UserAddSubcommand.class, UserDisableSubcommand.class, UserListSubcommand.class})
public final class UserSubcommand {
}
