package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import picocli.CommandLine.Command;

@Command(name = "import", description = {"Make the configured static key (JWT_SECRET_KEY or the key files) a managed key",
        "with KEY_MANAGEMENT=managed: the first managed key signs, beside others it only verifies. No live token",
        "is invalidated; tokens recorded without a kid are attributed to it."})
public final class KeysImportSubcommand extends CliCommand {
    private final ManageSigningKeysUseCase keys;
    private final Actor operator;

    public KeysImportSubcommand(ManageSigningKeysUseCase keys, Actor operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        return KeyChanges.report(keys.importStatic(operator), out());
    }
}
