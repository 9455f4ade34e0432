package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate", description = {"Publish a next signing key; it signs after KEY_PUBLISH_AHEAD_MINUTES.",
        "--now: the next key (or a new one) signs at once and the active key is retired (its tokens stay valid)."})
public final class KeysRotateSubcommand extends CliCommand {
    @Option(names = "--now", description = "Sign with the new key at once (validators fetch it on its unknown kid).")
    boolean now;

    private final ManageSigningKeysUseCase keys;
    private final Actor operator;

    public KeysRotateSubcommand(ManageSigningKeysUseCase keys, Actor operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        return KeyChanges.report(keys.rotate(operator, now), out());
    }
}
