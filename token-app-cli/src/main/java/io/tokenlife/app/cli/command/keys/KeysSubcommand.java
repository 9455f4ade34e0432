package io.tokenlife.app.cli.command.keys;

import picocli.CommandLine.Command;

@Command(name = "keys", description = {"Generate signing keys, print the public JWK set, and manage the signing keys",
        "(KEY_MANAGEMENT=managed): list, rotate, retire, revoke, import."}, synopsisSubcommandLabel = "COMMAND",
        subcommands = {KeysGenerateSubcommand.class, KeysJwksSubcommand.class, KeysListSubcommand.class,
                KeysRotateSubcommand.class, KeysRetireSubcommand.class, KeysRevokeSubcommand.class,
                KeysImportSubcommand.class})
public final class KeysSubcommand {
}
