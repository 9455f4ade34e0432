package io.tokenlife.app.cli.command.keys;

import picocli.CommandLine.Command;

@Command(name = "keys", description = "Generate signing keys and print the public JWK set.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {KeysGenerateSubcommand.class, KeysJwksSubcommand.class})
public final class KeysSubcommand {
}
