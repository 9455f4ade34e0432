package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "revoke-subject", description = "Revoke every token of a subject issued until now.")
public final class TokenRevokeSubjectSubcommand extends CliCommand {
    @Parameters(paramLabel = "EMAIL", description = "The subject (e-mail) whose tokens are revoked.")
    String subject;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded with the revocation.")
    String reason;

    private final RevokeAllTokensUseCase revokeAll;
    private final Actor operator;

    public TokenRevokeSubjectSubcommand(RevokeAllTokensUseCase revokeAll, Actor operator) {
        this.revokeAll = revokeAll;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        RevokeAllTokensResult result = revokeAll.revokeAll(
                RevokeAllTokensCommand.ofSubject(operator, subject, Optional.ofNullable(reason)));
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        RevokeAllTokensResult.Revoked revoked = (RevokeAllTokensResult.Revoked) result;
        out().println("revoked every token of " + revoked.subject().orElse(subject) + " issued at or before "
                + revoked.cutoff());
        return ExitCodes.OK;
    }
}
