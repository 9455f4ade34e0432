package io.tokenlife.app.cli.command.config;

import picocli.CommandLine.Command;

@Command(name = "config", description = "Inspect the configuration.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ConfigCheckSubcommand.class, ConfigShowSubcommand.class})
public final class ConfigSubcommand {
}
