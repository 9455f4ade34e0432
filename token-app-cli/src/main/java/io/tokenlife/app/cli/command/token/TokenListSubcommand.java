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
import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.FamilyView;
import io.tokenlife.domain.port.in.FindFamilyQuery;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListTokensQuery;
import io.tokenlife.domain.port.in.ListTokensResult;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "list", description = "List the registry, newest first: a table, or JSON with --json.")
public final class TokenListSubcommand extends CliCommand {
    private static final String REFRESH_ROW = "%-36s  %-7s  %-20s  %-20s  %s%n";
    private static final String ROW = "%-36s  %-28s  %-8s  %-7s  %-7s  %-20s  %-20s  %s%n";

    @Option(names = "--subject", paramLabel = "S", description = "Only the tokens of this subject.")
    String subject;

    @Option(names = "--status", paramLabel = "STATUS", converter = Converters.Status.class,
            description = "active, revoked or expired.")
    TokenStatus status;

    @Option(names = "--source", paramLabel = "S", converter = Converters.Source.class,
            description = "login, admin_ui, api, sso, cli or refresh.")
    TokenSource source;

    @Option(names = "--family", paramLabel = "F", description = "Only the tokens of this refresh-token family "
            + "(its family_id), followed by the family's refresh tokens.")
    String family;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "1 to 1000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "The 'next' cursor of a previous page.")
    String cursor;

    @Option(names = "--json", description = "{\"items\": [...], \"next\": cursor or null}, the fields of GET /tokens.")
    boolean json;

    private final ListTokensUseCase tokens;
    private final ManageFamiliesUseCase families;
    private final Actor operator;
    private final Clock clock;

    public TokenListSubcommand(ListTokensUseCase tokens, ManageFamiliesUseCase families, Actor operator, Clock clock) {
        this.tokens = tokens;
        this.families = families;
        this.operator = operator;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > TokenQuery.MAX_LIMIT) {
            throw new UsageException("--limit must be between 1 and " + TokenQuery.MAX_LIMIT + ", got " + limit);
        }
        TokenQuery query = new TokenQuery(Optional.ofNullable(subject), Optional.ofNullable(status),
                Optional.ofNullable(source), Optional.empty(), Optional.empty(), Optional.ofNullable(family),
                Optional.ofNullable(cursor), limit);
        ListTokensResult result = tokens.list(new ListTokensQuery(operator, query));
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        // the operator may list every token, so the result is never Forbidden
        Page<TokenRecord> page = ((ListTokensResult.Listed) result).page();
        Instant now = clock.instant();
        List<RefreshToken> refreshTokens = family == null ? List.of()
                : families.find(new FindFamilyQuery(operator, new FamilyRef.ById(family)))
                        .map(FamilyView::refreshTokens).orElse(List.of());
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>(JsonOutput.items(
                    page.items().stream().map(t -> JsonOutput.token(t, now)).toList(), page.next().orElse(null)));
            if (family != null) {
                answer.put("refresh_tokens", refreshTokens.stream().map(JsonOutput::refreshToken).toList());
            }
            out().println(JsonOutput.write(answer));
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
        if (family != null) {
            out().println();
            out().printf(REFRESH_ROW, "REFRESH_TOKEN_ID", "STATE", "ISSUED_AT", "EXPIRES_AT", "SPENT_AT");
            for (RefreshToken t : refreshTokens) {
                out().printf(REFRESH_ROW, t.id(), t.isSpent() ? "spent" : "current", t.issuedAt(), t.expiresAt(),
                        t.spentAt() == null ? "-" : t.spentAt());
            }
            err().println(refreshTokens.size() + " refresh token(s) in family " + family);
        }
        return ExitCodes.OK;
    }
}
