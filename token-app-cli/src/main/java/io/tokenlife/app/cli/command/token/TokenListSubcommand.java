package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.Converters;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.app.cli.command.UsageException;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListTokensQuery;
import io.tokenlife.domain.port.in.ListTokensResult;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

@Command(name = "list", description = "List the registry, newest first: a table, or JSON with --json.")
public final class TokenListSubcommand extends CliCommand {
    private static final String ROW = "%-36s  %-28s  %-8s  %-7s  %-7s  %-20s  %-20s  %s%n";

    @Option(names = "--subject", paramLabel = "S", description = "Only the tokens of this subject.")
    String subject;

    @Option(names = "--status", paramLabel = "STATUS", converter = Converters.Status.class,
            description = "active, revoked or expired.")
    TokenStatus status;

    @Option(names = "--source", paramLabel = "S", converter = Converters.Source.class,
            description = "login, admin_ui, api, sso or cli.")
    TokenSource source;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "1 to 1000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "The 'next' cursor of a previous page.")
    String cursor;

    @Option(names = "--json", description = "{\"items\": [...], \"next\": cursor or null}, the fields of GET /tokens.")
    boolean json;

    private final ListTokensUseCase tokens;
    private final Actor operator;
    private final Clock clock;

    public TokenListSubcommand(ListTokensUseCase tokens, Actor operator, Clock clock) {
        this.tokens = tokens;
        this.operator = operator;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > TokenQuery.MAX_LIMIT) {
            throw new UsageException("--limit must be between 1 and " + TokenQuery.MAX_LIMIT + ", got " + limit);
        }
        TokenQuery query = new TokenQuery(Optional.ofNullable(subject), Optional.ofNullable(status),
                Optional.ofNullable(source), Optional.ofNullable(cursor), limit);
        ListTokensResult result = tokens.list(new ListTokensQuery(operator, query));
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        // the operator may list every token, so the result is never Forbidden
        Page<TokenRecord> page = ((ListTokensResult.Listed) result).page();
        Instant now = clock.instant();
        if (json) {
            out().println(JsonOutput.write(JsonOutput.items(
                    page.items().stream().map(t -> JsonOutput.token(t, now)).toList(), page.next().orElse(null))));
            return ExitCodes.OK;
        }
        out().printf(ROW, "JTI", "SUBJECT", "SOURCE", "USE", "STATUS", "ISSUED_AT", "EXPIRES_AT", "NAME");
        for (TokenRecord t : page.items()) {
            out().printf(ROW, t.jti(), t.subject(), t.source().wireName(), t.tokenUse().wireName(),
                    t.status(now).wireName(), t.issuedAt(), t.expiresAt() == null ? "-" : t.expiresAt(),
                    t.name() == null ? "" : t.name());
        }
        err().println(page.items().size() + " token(s)"
                + page.next().map(n -> "; more with --cursor " + n).orElse(""));
        return ExitCodes.OK;
    }
}
