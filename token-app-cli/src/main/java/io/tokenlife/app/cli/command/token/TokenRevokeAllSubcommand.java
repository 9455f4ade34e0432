package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.Converters;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

@Command(name = "revoke-all", description = {"Revoke every token of every subject issued at or before an instant.",
        "Future instants are refused: they would revoke tokens not issued yet."})
public final class TokenRevokeAllSubcommand extends CliCommand {
    @Option(names = "--before", required = true, paramLabel = "INSTANT",
            description = "RFC 3339 instant, e.g. 2026-01-01T10:00:00Z, or 'now'.")
    String before;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded with the revocation.")
    String reason;

    public TokenRevokeAllSubcommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        RevokeAllTokensResult result = context.services().revokeAllTokens().revokeAll(
                RevokeAllTokensCommand.platformWide(
                        Converters.rfc3339("--before", before, context.clock()), context.operator(), Optional.ofNullable(reason)));
        out().println("revoked every token issued at or before " + result.cutoff());
        return ExitCodes.OK;
    }
}
