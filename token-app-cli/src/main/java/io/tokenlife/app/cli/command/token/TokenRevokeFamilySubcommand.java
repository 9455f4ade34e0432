package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "revoke-family", description = {"Revoke a refresh-token family: its refresh tokens and every live "
        + "access token of it, on every replica. Idempotent.",
        "FAMILY is the family_id that 'token list' and GET /tokens show."})
public final class TokenRevokeFamilySubcommand extends CliCommand {
    @Parameters(paramLabel = "FAMILY", description = "The family_id.")
    String family;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded with the revocation.")
    String reason;

    private final ManageFamiliesUseCase families;
    private final Actor operator;

    public TokenRevokeFamilySubcommand(ManageFamiliesUseCase families, Actor operator) {
        this.families = families;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        RevokeFamilyResult result = families.revoke(new RevokeFamilyCommand(operator, new FamilyRef.ById(family),
                Optional.ofNullable(reason)));
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        if (result instanceof RevokeFamilyResult.NotVisible) {
            err().println("no token family " + family);
            return ExitCodes.FAILED;
        }
        RevokeFamilyResult.Revoked revoked = (RevokeFamilyResult.Revoked) result;
        out().println("revoked family " + revoked.familyId() + " of " + revoked.subject() + ": "
                + revoked.accessTokensRevoked() + " live access token(s) revoked, its refresh tokens refused");
        return ExitCodes.OK;
    }
}
