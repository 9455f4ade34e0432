package io.tokenlife.app.cli.command.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.app.cli.command.UsageException;
import io.tokenlife.app.cli.port.Configuration;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.app.cli.port.OfflineIssuing;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Command(name = "create", description = {
        "Issue a token (source cli) and print only the token on stdout.",
        "The token is recorded in the registry of the configured database; if the database cannot be opened "
                + "the command fails, unless --no-db says to issue it without recording it.",
        "Without a configured key (JWT_SECRET_KEY, or the key paths) the command refuses: the token could never "
                + "be verified by the service; --ephemeral-key signs with a throwaway key anyway."})
public final class TokenCreateSubcommand extends CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--subject", required = true, paramLabel = "EMAIL", description = "The user the token is for (sub).")
    String subject;

    @Option(names = "--exp", paramLabel = "MINUTES",
            description = "Minutes until the token expires (default: TOKEN_EXPIRY for session tokens; required with --api).")
    Long expMinutes;

    @Option(names = "--scope", paramLabel = "S", description = "Space-separated scopes.")
    String scope;

    @Option(names = "--claim", paramLabel = "k=v", mapFallbackValue = "",
            description = "An extra claim; repeatable. Numbers and true/false are JSON literals, anything else a string.")
    Map<String, String> claims = new LinkedHashMap<>();

    @Option(names = "--jti", paramLabel = "ID", description = "Use this jti instead of a fresh time-ordered (version 7) UUID.")
    String jti;

    @Option(names = "--admin", description = "Add the claim " + Caller.ADMIN_CLAIM + ": true.")
    boolean admin;

    @Option(names = "--name", paramLabel = "N", description = "A label recorded with the token.")
    String name;

    @Option(names = "--api", description = "An API token (token_use api) instead of a session token.")
    boolean api;

    @Option(names = "--no-db", description = "Do not open the database: the token is issued but not recorded.")
    boolean noDb;

    @Option(names = "--ephemeral-key", description = "Sign even though no key is configured, with a key generated "
            + "for this run only: nothing else can verify the token (for trying the CLI out).")
    boolean ephemeralKey;

    private final IssueTokenUseCase issue;
    private final OfflineIssuing offline;
    private final Configuration configuration;

    public TokenCreateSubcommand(IssueTokenUseCase issue, OfflineIssuing offline, Configuration configuration) {
        this.issue = issue;
        this.offline = offline;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        if (!ephemeralKey) {
            SharedKey.require(configuration.settings());
        }
        if (expMinutes != null && expMinutes <= 0) {
            throw new UsageException("--exp must be a positive number of minutes, got " + expMinutes);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        claims.forEach((k, v) -> extra.put(k, literal(v)));
        if (admin) {
            extra.put(Caller.ADMIN_CLAIM, Boolean.TRUE);
        }
        IssueTokenCommand command = new IssueTokenCommand(subject, TokenSource.CLI, api ? TokenUse.API : TokenUse.SESSION,
                expMinutes == null ? Expiry.byDefault() : Expiry.after(Duration.ofMinutes(expMinutes)),
                Optional.ofNullable(scope), extra, Optional.ofNullable(jti), Optional.ofNullable(name));
        IssueTokenResult result;
        try {
            result = (noDb ? offline : issue).issue(command);
        } catch (DatabaseUnavailableException e) {
            throw new DatabaseUnavailableException(e.getMessage()
                    + "; the token was not issued (use --no-db to issue it without recording it)", e);
        }
        if (result instanceof Invalid invalid) {
            err().println("token not issued: " + Flags.describe(invalid));
            return ExitCodes.FAILED;
        }
        IssuedToken token = ((IssueTokenResult.Issued) result).token();
        out().println(token.compact());
        err().println("issued jti=" + token.jti() + " subject=" + token.claims().subject() + " expires_at="
                + token.claims().expiresAt() + (noDb ? " (not recorded: --no-db)" : ""));
        return ExitCodes.OK;
    }

    /** A number or boolean as a JSON literal, anything else as the string itself. */
    static Object literal(String value) {
        String v = value.trim();
        if (v.equals("true") || v.equals("false") || v.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            try {
                JsonNode node = JSON.readTree(v);
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                if (node.isNumber()) {
                    return node.decimalValue();
                }
            } catch (java.io.IOException e) {
                return value;
            }
        }
        return value;
    }
}
