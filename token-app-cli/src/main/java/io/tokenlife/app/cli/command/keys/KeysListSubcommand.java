package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;

@Command(name = "list", description = {"List the managed signing keys: kid, algorithm, state, when created, when it",
        "signs (or signed), when it may be removed, and the live tokens it signed (from the registry)."})
public final class KeysListSubcommand extends CliCommand {
    private static final String ROW = "%-43s  %-5s  %-7s  %-20s  %-20s  %-20s  %s%n";

    @Option(names = "--json", description = "{\"items\": [...]}, the fields of GET /keys.")
    boolean json;

    private final ManageSigningKeysUseCase keys;
    private final Actor operator;

    public KeysListSubcommand(ManageSigningKeysUseCase keys, Actor operator) {
        this.keys = keys;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        ManageSigningKeysUseCase.ListKeysResult result = keys.list(operator);
        if (!(result instanceof ManageSigningKeysUseCase.Keys listed)) {
            throw new CliFailure("only admins manage signing keys");
        }
        if (!listed.managed()) {
            throw new CliFailure(KeyChanges.STATIC);
        }
        if (json) {
            out().println(JsonOutput.write(JsonOutput.items(listed.keys().stream().map(ManageSigningKeysUseCase.KeyView::wireFields).toList(), null)));
            return ExitCodes.OK;
        }
        out().printf(ROW, "KID", "ALG", "STATE", "CREATED", "ACTIVATES", "RETIRES", "LIVE_TOKENS");
        for (ManageSigningKeysUseCase.KeyView view : listed.keys()) {
            var k = view.info();
            String retires = switch (k.state()) {
                case RETIRED -> view.removableAt().map(Instant::toString).orElse("never (a token without exp)");
                case REMOVED -> "removed " + k.removedAt().map(Instant::toString).orElse("");
                case REVOKED -> "revoked " + k.revokedAt().map(Instant::toString).orElse("");
                default -> "-";
            };
            out().printf(ROW, k.kid(), k.algorithm().joseName(), k.state().wireName(), k.createdAt(),
                    k.activatedAt().orElse(k.activatesAt()), retires, view.usage().liveTokens());
        }
        return ExitCodes.OK;
    }
}
