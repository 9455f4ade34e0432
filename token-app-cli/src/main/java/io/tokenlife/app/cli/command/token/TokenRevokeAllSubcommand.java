package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.Converters;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.Optional;

@Command(name = "revoke-all", description = {"Revoke every token of every subject issued at or before an instant.",
        "Future instants are refused: they would revoke tokens not issued yet."})
public final class TokenRevokeAllSubcommand extends CliCommand {
    @Option(names = "--before", required = true, paramLabel = "INSTANT",
            description = "RFC 3339 instant, e.g. 2026-01-01T10:00:00Z, or 'now'.")
    String before;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded with the revocation.")
    String reason;

    private final RevokeAllTokensUseCase revokeAll;
    private final Actor operator;
    private final Clock clock;

    public TokenRevokeAllSubcommand(RevokeAllTokensUseCase revokeAll, Actor operator, Clock clock) {
        this.revokeAll = revokeAll;
        this.operator = operator;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        RevokeAllTokensResult result = revokeAll.revokeAll(RevokeAllTokensCommand.platformWide(operator,
                Converters.rfc3339("--before", before, clock), Optional.ofNullable(reason)));
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        out().println("revoked every token issued at or before " + ((RevokeAllTokensResult.Revoked) result).cutoff());
        return ExitCodes.OK;
    }
}
