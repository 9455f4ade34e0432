package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "revoke", description = {"Revoke one token by its jti. Idempotent: revoking twice is not an error.",
        "A jti the registry never saw is revoked too (a token minted elsewhere with our key)."})
public final class TokenRevokeSubcommand extends CliCommand {
    @Parameters(paramLabel = "JTI", description = "The jti of the token.")
    String jti;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded with the revocation.")
    String reason;

    private final RevokeTokenUseCase revoke;
    private final Actor operator;

    public TokenRevokeSubcommand(RevokeTokenUseCase revoke, Actor operator) {
        this.revoke = revoke;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        RevokeTokenResult result = revoke.revoke(RevokeTokenCommand.byJti(operator, jti, Optional.ofNullable(reason)));
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        // the operator may revoke every token, so the result is always Revoked
        RevokeTokenResult.Revoked revoked = (RevokeTokenResult.Revoked) result;
        if (!revoked.newlyRevoked()) {
            out().println("jti " + jti + " was already revoked; nothing changed");
        } else if (revoked.subject().isEmpty()) {
            out().println("revoked jti " + jti + " at " + revoked.revokedAt()
                    + " (it was not in the registry; the revocation is recorded anyway)");
        } else {
            out().println("revoked jti " + jti + " of " + revoked.subject().get() + " at " + revoked.revokedAt());
        }
        return ExitCodes.OK;
    }
}
