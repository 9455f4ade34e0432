package io.tokenlife.app.cli.command.db;

import picocli.CommandLine.Command;

@Command(name = "db", description = "The database schema (DATABASE_URL).", synopsisSubcommandLabel = "COMMAND",
        subcommands = {DbMigrateSubcommand.class, DbInfoSubcommand.class})
public final class DbSubcommand {
}
