package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = {"Emergency: refuse a key and every token it signed, on every replica",
        "(token_revoked). The active key needs a published successor first: tokenlife keys rotate --now."})
public final class KeysRevokeSubcommand extends CliCommand {
    @Parameters(paramLabel = "KID", description = "The kid of the key (tokenlife keys list).")
    String kid;

    @Option(names = "--reason", paramLabel = "R", required = true, description = "Why, recorded with the key.")
    String reason;

    private final ManageSigningKeysUseCase keys;
    private final Actor operator;

    public KeysRevokeSubcommand(ManageSigningKeysUseCase keys, Actor operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        return KeyChanges.report(keys.revoke(operator, kid, reason), out());
    }
}
