package io.tokenlife.app.cli.command.db;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.SchemaTool;
import io.tokenlife.app.cli.port.SchemaTool.SchemaInfo;
import picocli.CommandLine.Command;

@Command(name = "info", description = "Show the configured database (without credentials), whether it answers, and its schema.")
public final class DbInfoSubcommand extends CliCommand {
    private final SchemaTool schema;

    public DbInfoSubcommand(SchemaTool schema) {
        this.schema = schema;
    }

    @Override
    public Integer call() {
        SchemaInfo info = schema.info();
        out().println("url: " + info.url());
        out().println("kind: " + info.kind());
        out().println("reachable: " + info.reachable());
        info.details().forEach(line -> out().println(line));
        return info.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
