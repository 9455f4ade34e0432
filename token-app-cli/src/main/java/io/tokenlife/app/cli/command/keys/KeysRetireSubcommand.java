package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "retire", description = {"Stop signing with a key: the published next key takes over; the retired key",
        "verifies until its last token expires. A next key that never signed is unpublished."})
public final class KeysRetireSubcommand extends CliCommand {
    @Parameters(paramLabel = "KID", description = "The kid of the key (tokenlife keys list).")
    String kid;

    private final ManageSigningKeysUseCase keys;
    private final Actor operator;

    public KeysRetireSubcommand(ManageSigningKeysUseCase keys, Actor operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        return KeyChanges.report(keys.retire(operator, kid), out());
    }
}
