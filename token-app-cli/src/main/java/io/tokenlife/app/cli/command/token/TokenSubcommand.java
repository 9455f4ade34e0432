package io.tokenlife.app.cli.command.token;

import picocli.CommandLine.Command;

@Command(name = "token", description = "Issue, inspect, verify, revoke and list tokens.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {TokenCreateSubcommand.class, TokenDecodeSubcommand.class, TokenVerifySubcommand.class,
                TokenRevokeSubcommand.class, TokenRevokeSubjectSubcommand.class, TokenRevokeAllSubcommand.class,
                TokenRevokeFamilySubcommand.class, TokenListSubcommand.class, TokenPurgeSubcommand.class})
public final class TokenSubcommand {
}
