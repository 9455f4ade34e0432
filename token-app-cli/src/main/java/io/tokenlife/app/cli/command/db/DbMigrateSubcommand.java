package io.tokenlife.app.cli.command.db;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.CliContext;
import picocli.CommandLine.Command;

@Command(name = "migrate", description = "Apply the pending schema migrations (the service and the other commands also do at start).")
public final class DbMigrateSubcommand extends CliCommand {
    public DbMigrateSubcommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        int applied = context.schema().migrate();
        out().println(applied == 0 ? "schema up to date at " + context.settings().database().redactedUrl()
                : "applied " + applied + " migration(s) to " + context.settings().database().redactedUrl());
        return ExitCodes.OK;
    }
}
