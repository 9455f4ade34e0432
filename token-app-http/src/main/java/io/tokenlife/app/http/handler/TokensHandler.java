package io.tokenlife.app.http.handler;

import io.javalin.http.Context;
import io.tokenlife.app.http.dto.CreatedToken;
import io.tokenlife.app.http.dto.RevokeAllResponse;
import io.tokenlife.app.http.dto.TokenList;
import io.tokenlife.app.http.dto.TokenMetadata;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The token registry over HTTP: create API tokens, list, read, revoke one, revoke all of a subject. */
public final class TokensHandler {
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 500;
    private static final Set<String> CREATE_FIELDS = Set.of("name", "expires_in_days", "expires_at", "scope");
    private static final Set<String> REASON_FIELDS = Set.of("reason");

    private final IssueTokenUseCase issue;
    private final ListTokensUseCase list;
    private final FindTokenUseCase find;
    private final RevokeTokenUseCase revoke;
    private final RevokeAllTokensUseCase revokeAll;
    private final Clock clock;

    public TokensHandler(IssueTokenUseCase issue, ListTokensUseCase list, FindTokenUseCase find,
                         RevokeTokenUseCase revoke, RevokeAllTokensUseCase revokeAll, Clock clock) {
        this.issue = issue;
        this.list = list;
        this.find = find;
        this.revoke = revoke;
        this.revokeAll = revokeAll;
        this.clock = clock;
    }

    /** {@code POST /tokens}: an API token for the caller, shown once. */
    public void create(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        RequestBody.JsonObject body = RequestBody.json(ctx, false, CREATE_FIELDS);
        String name = body.requiredString("name").strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.invalidRequest("the field 'name' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        Optional<Integer> days = body.optionalInt("expires_in_days");
        Optional<Instant> at = body.optionalString("expires_at").map(TokensHandler::parseInstant);
        if (days.isPresent() && at.isPresent()) {
            throw ApiException.invalidRequest("give either 'expires_in_days' or 'expires_at', not both");
        }
        Expiry expiry = days.<Expiry>map(d -> Expiry.after(Duration.ofDays(d)))
                .or(() -> at.map(Expiry::at)).orElseGet(Expiry::byDefault);
        IssueTokenCommand command = new IssueTokenCommand(caller.subject(), TokenSource.API, TokenUse.API, expiry,
                body.optionalString("scope"), Map.of(), Optional.empty(), Optional.of(name));
        IssueTokenResult result = issue.issue(command);
        if (result instanceof IssueTokenResult.Refused refused) {
            throw refusal(refused, at.isPresent());
        }
        IssuedToken token = ((IssueTokenResult.Issued) result).token();
        Instant expiresAt = token.claims().expiresAt();
        Long expiresIn = expiresAt == null ? null : Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
        ctx.status(201).header("Location", "/tokens/" + token.jti()).header("Cache-Control", "no-store");
        Responses.json(ctx, new CreatedToken(token.compact(), "Bearer", expiresIn, token.jti(), name,
                token.claims().scope(), expiresAt, TokenSource.API.wireName()));
    }

    /** {@code GET /tokens}: the caller's own tokens; an admin sees every token and may filter by subject. */
    public void list(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        Optional<String> subject = Optional.ofNullable(ctx.queryParam("subject")).filter(s -> !s.isBlank());
        if (!caller.admin()) {
            if (subject.isPresent() && !subject.get().equalsIgnoreCase(caller.subject())) {
                throw ApiException.forbidden("only an admin may list the tokens of another subject");
            }
            subject = Optional.of(caller.subject());
        }
        TokenQuery query = new TokenQuery(subject,
                query(ctx, "status", TokenStatus::fromWireName),
                query(ctx, "source", TokenSource::fromWireName),
                Optional.ofNullable(ctx.queryParam("cursor")).filter(s -> !s.isBlank()),
                limit(ctx));
        Page<TokenRecord> page = list.list(query);
        Instant now = clock.instant();
        Responses.json(ctx, new TokenList(page.items().stream().map(r -> TokenMetadata.of(r, now)).toList(),
                page.next().orElse(null)));
    }

    /** {@code GET /tokens/{jti}}: owner or admin; anyone else gets the same 404 as for an unknown jti. */
    public void get(Context ctx) {
        TokenRecord record = visibleRecord(ctx);
        Responses.json(ctx, TokenMetadata.of(record, clock.instant()));
    }

    /** {@code DELETE /tokens/{jti}}: revoke, idempotent, optional {@code {"reason"}}. */
    public void delete(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        String jti = ctx.pathParam("jti");
        Optional<String> reason = reason(ctx);
        Optional<TokenRecord> record = find.find(jti);
        // an admin may revoke a jti the registry never saw (a token minted elsewhere with our key)
        if (!caller.admin() && (record.isEmpty() || !caller.canAccess(record.get()))) {
            throw notFound(jti);
        }
        revoke.revoke(new RevokeTokenCommand(jti, caller.subject(), reason));
        ctx.status(204);
    }

    /** {@code POST /subjects/{subject}/revoke-all}: admin; every token of the subject issued until now. */
    public void revokeAll(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        String subject = ctx.pathParam("subject");
        RevokeAllTokensResult result = revokeAll.revokeAll(
                RevokeAllTokensCommand.ofSubject(subject, caller.subject(), reason(ctx)));
        Responses.json(ctx, new RevokeAllResponse(result.subject().orElse(subject), result.cutoff()));
    }

    private TokenRecord visibleRecord(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        String jti = ctx.pathParam("jti");
        return find.find(jti).filter(caller::canAccess).orElseThrow(() -> notFound(jti));
    }

    private static Optional<String> reason(Context ctx) {
        Optional<String> reason = RequestBody.json(ctx, true, REASON_FIELDS).optionalString("reason")
                .map(String::strip).filter(s -> !s.isEmpty());
        if (reason.isPresent() && reason.get().length() > MAX_REASON_LENGTH) {
            throw ApiException.invalidRequest("the field 'reason' is longer than " + MAX_REASON_LENGTH + " characters");
        }
        return reason;
    }

    private static ApiException notFound(String jti) {
        return ApiException.notFound("no token with jti '" + Responses.printable(jti) + "' that you may see");
    }

    private static ApiException refusal(IssueTokenResult.Refused refused, boolean expiresAtGiven) {
        // the policy names the API-token expiry 'expires_in_days'; say 'expires_at' when that is what was sent
        String field = expiresAtGiven && refused.field().equals("expires_in_days") ? "expires_at" : refused.field();
        return ApiException.invalidRequest("the field '" + field + "' is refused: " + refused.detail());
    }

    private static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidRequest("the field 'expires_at' must be an RFC 3339 date-time such as "
                    + "2026-12-31T23:59:59Z");
        }
    }

    private static <T> Optional<T> query(Context ctx, String name, Function<String, T> parse) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidRequest("query parameter '" + name + "': " + e.getMessage());
        }
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return TokenQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= TokenQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalidRequest("query parameter 'limit' must be a whole number from 1 to " + TokenQuery.MAX_LIMIT);
    }
}
