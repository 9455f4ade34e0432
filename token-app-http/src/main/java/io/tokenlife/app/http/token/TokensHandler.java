package io.tokenlife.app.http.token;

import io.javalin.http.Context;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.FindTokenQuery;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListTokensQuery;
import io.tokenlife.domain.port.in.ListTokensResult;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
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

/**
 * The token registry over HTTP: create API tokens, list, read, revoke one, revoke all of a subject. Who
 * may see or revoke which token is the domain's decision; this class reads the request and writes the answer.
 */
final class TokensHandler {
    private static final Set<String> CREATE_FIELDS = Set.of("name", "expires_in_days", "expires_at", "scope");
    private static final Set<String> REASON_FIELDS = Set.of("reason");

    private final IssueTokenUseCase issue;
    private final ListTokensUseCase list;
    private final FindTokenUseCase find;
    private final RevokeTokenUseCase revoke;
    private final RevokeAllTokensUseCase revokeAll;
    private final ManageFamiliesUseCase families;
    private final Clock clock;

    TokensHandler(IssueTokenUseCase issue, ListTokensUseCase list, FindTokenUseCase find,
                         RevokeTokenUseCase revoke, RevokeAllTokensUseCase revokeAll, ManageFamiliesUseCase families,
                         Clock clock) {
        this.issue = issue;
        this.list = list;
        this.find = find;
        this.revoke = revoke;
        this.revokeAll = revokeAll;
        this.families = families;
        this.clock = clock;
    }

    /** {@code POST /tokens}: an API token for the caller, shown once. */
    void create(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        RequestBody.JsonObject body = RequestBody.json(ctx, false, CREATE_FIELDS);
        String name = body.requiredString("name").strip();
        Optional<Integer> days = body.optionalInt("expires_in_days");
        Optional<Instant> at = body.optionalString("expires_at").map(TokensHandler::parseInstant);
        if (days.isPresent() && at.isPresent()) {
            throw ApiException.invalidRequest("give either 'expires_in_days' or 'expires_at', not both");
        }
        Expiry expiry = days.<Expiry>map(d -> Expiry.after(Duration.ofDays(d)))
                .or(() -> at.map(Expiry::at)).orElseGet(Expiry::byDefault);
        Optional<String> scope = body.optionalString("scope");
        if (scope.isPresent() && !TokenAccessPolicy.mayRequestScope(caller.actor(), scope.get())) {
            throw ApiException.forbidden("only an admin may create a token with the scope '"
                    + TokenAccessPolicy.INTROSPECT_SCOPE + "'");
        }
        IssueTokenCommand command = new IssueTokenCommand(caller.subject(), TokenSource.API, TokenUse.API, expiry,
                scope, Map.of(), Optional.empty(), Optional.of(name));
        IssueTokenResult result = issue.issue(command);
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        IssuedToken token = ((IssueTokenResult.Issued) result).token();
        Instant expiresAt = token.claims().expiresAt();
        Long expiresIn = expiresAt == null ? null : Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
        ctx.status(201).header("Location", "/tokens/" + token.jti()).header("Cache-Control", "no-store");
        Responses.json(ctx, new CreatedToken(token.compact(), "Bearer", expiresIn, token.jti(), name,
                token.claims().scope(), expiresAt, TokenSource.API.wireName()));
    }

    /** {@code GET /tokens}: the caller's own tokens; an admin sees every token and may filter by subject. */
    void list(Context ctx) {
        Actor actor = Authenticator.caller(ctx).actor();
        TokenQuery query = new TokenQuery(Optional.ofNullable(ctx.queryParam("subject")).filter(s -> !s.isBlank()),
                query(ctx, "status", TokenStatus::fromWireName),
                query(ctx, "source", TokenSource::fromWireName), Optional.empty(), Optional.empty(),
                query(ctx, "family", TokensHandler::family),
                Optional.ofNullable(ctx.queryParam("cursor")).filter(s -> !s.isBlank()),
                limit(ctx));
        ListTokensResult result = list.list(new ListTokensQuery(actor, query));
        if (result instanceof ListTokensResult.Forbidden forbidden) {
            throw ApiException.forbidden(forbidden.detail());
        }
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        Page<TokenRecord> page = ((ListTokensResult.Listed) result).page();
        Instant now = clock.instant();
        Responses.json(ctx, new TokenList(page.items().stream().map(r -> TokenMetadata.of(r, now)).toList(),
                page.next().orElse(null)));
    }

    /** {@code GET /tokens/{jti}}: owner or admin; anyone else gets the same 404 as for an unknown jti. */
    void get(Context ctx) {
        String jti = ctx.pathParam("jti");
        TokenRecord record = find.find(new FindTokenQuery(Authenticator.caller(ctx).actor(), jti))
                .orElseThrow(() -> notFound(jti));
        Responses.json(ctx, TokenMetadata.of(record, clock.instant()));
    }

    /**
     * {@code DELETE /tokens/{jti}}: revoke, idempotent, optional {@code {"reason"}}. The id of a refresh token
     * (as {@code GET /families/{id}} lists it) ends its whole family.
     */
    void delete(Context ctx) {
        String jti = ctx.pathParam("jti");
        Actor actor = Authenticator.caller(ctx).actor();
        Optional<String> reason = reason(ctx);
        RevokeFamilyResult family = families.revoke(new RevokeFamilyCommand(actor, new FamilyRef.ByRefreshTokenId(jti),
                reason));
        if (family instanceof RevokeFamilyResult.Revoked) {
            ctx.status(204);
            return;
        }
        RevokeTokenResult result = revoke.revoke(RevokeTokenCommand.byJti(actor, jti, reason));
        if (result instanceof RevokeTokenResult.NotVisible) {
            throw notFound(jti);
        }
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        ctx.status(204);
    }

    /** {@code POST /subjects/{subject}/revoke-all}: admin; every token of the subject issued until now. */
    void revokeAll(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        String subject = ctx.pathParam("subject");
        RevokeAllTokensResult result = revokeAll.revokeAll(
                RevokeAllTokensCommand.ofSubject(caller.actor(), subject, reason(ctx)));
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        RevokeAllTokensResult.Revoked revoked = (RevokeAllTokensResult.Revoked) result;
        Responses.json(ctx, new RevokeAllResponse(revoked.subject().orElse(subject), revoked.cutoff()));
    }

    private static Optional<String> reason(Context ctx) {
        return RequestBody.json(ctx, true, REASON_FIELDS).optionalString("reason")
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String family(String value) {
        if (value.length() > io.tokenlife.domain.model.Limits.MAX_JTI) {
            throw new IllegalArgumentException("at most " + io.tokenlife.domain.model.Limits.MAX_JTI + " characters");
        }
        return value;
    }

    private static ApiException notFound(String jti) {
        return ApiException.notFound("no token with jti '" + Responses.printable(jti) + "' that you may see");
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
