package io.tokenlife.app.cli.command.db;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.Configuration;
import io.tokenlife.app.cli.port.SchemaTool;
import picocli.CommandLine.Command;

@Command(name = "migrate", description = "Apply the pending schema migrations (the service and the other commands also do at start).")
public final class DbMigrateSubcommand extends CliCommand {
    private final SchemaTool schema;
    private final Configuration configuration;

    public DbMigrateSubcommand(SchemaTool schema, Configuration configuration) {
        this.schema = schema;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        int applied = schema.migrate();
        String database = configuration.settings().database().redactedUrl();
        out().println(applied == 0 ? "schema up to date at " + database : "applied " + applied + " migration(s) to " + database);
        return ExitCodes.OK;
    }
}
