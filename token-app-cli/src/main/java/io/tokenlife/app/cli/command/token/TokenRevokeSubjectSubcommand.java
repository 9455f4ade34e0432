package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
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

    public TokenRevokeSubjectSubcommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        RevokeAllTokensResult result = context.services().revokeAllTokens().revokeAll(
                RevokeAllTokensCommand.ofSubject(subject, context.operator(), Optional.ofNullable(reason)));
        out().println("revoked every token of " + result.subject().orElse(subject) + " issued at or before "
                + result.cutoff());
        return ExitCodes.OK;
    }
}
