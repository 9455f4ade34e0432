package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase.PurgeResult;
import picocli.CommandLine.Command;

@Command(name = "purge", description = "Delete registry rows and revocations of tokens that expired more than JWT_LEEWAY_SECONDS ago.")
public final class TokenPurgeSubcommand extends CliCommand {
    private final PurgeExpiredUseCase purge;

    public TokenPurgeSubcommand(PurgeExpiredUseCase purge) {
        this.purge = purge;
    }

    @Override
    public Integer call() {
        PurgeResult result = purge.purge();
        out().println("purged " + result.registryRows() + " registry row(s) and " + result.revocations()
                + " revocation(s) of expired tokens");
        return ExitCodes.OK;
    }
}
