package io.tokenlife.app.http.console;

import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.in.FindTokenQuery;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListTokensQuery;
import io.tokenlife.domain.port.in.ListTokensResult;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.out.StoreUnavailableException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry: search and filters with keyset paging, a token's metadata, revoking it, and revoking every
 * token of a subject after a confirmation that says how many live tokens that ends. A form acting on a
 * token that is no longer active (a stale page) says so and changes nothing.
 */
final class TokenPages {
    static final int PAGE_SIZE = 50;
    static final int MAX_REASON = Limits.MAX_REASON;

    private final ListTokensUseCase list;
    private final FindTokenUseCase find;
    private final RevokeTokenUseCase revoke;
    private final RevokeAllTokensUseCase revokeAll;
    private final CountTokensUseCase counts;
    private final Clock clock;

    TokenPages(ListTokensUseCase list, FindTokenUseCase find, RevokeTokenUseCase revoke,
               RevokeAllTokensUseCase revokeAll, CountTokensUseCase counts, Clock clock) {
        this.list = list;
        this.find = find;
        this.revoke = revoke;
        this.revokeAll = revokeAll;
        this.counts = counts;
        this.clock = clock;
    }

    /** {@code GET /admin/tokens?q=&status=&source=&use=&after=}. */
    void list(ConsoleRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : List.of("q", "status", "source", "use")) {
            request.param(name).ifPresent(v -> typed.put(name, v));
        }
        Views.Form filters = Views.Form.of(typed);
        Optional<TokenStatus> status = Optional.empty();
        Optional<TokenSource> source = Optional.empty();
        Optional<TokenUse> use = Optional.empty();
        try {
            status = request.param("status").map(TokenStatus::fromWireName);
        } catch (IllegalArgumentException e) {
            filters = filters.withError("status", "Choose active, revoked or expired");
        }
        try {
            source = request.param("source").map(TokenSource::fromWireName);
        } catch (IllegalArgumentException e) {
            filters = filters.withError("source", "Choose one of the listed sources");
        }
        use = request.param("use").flatMap(TokenUse::fromWireName);
        if (request.param("use").isPresent() && use.isEmpty()) {
            filters = filters.withError("use", "Choose session or api");
        }
        Optional<String> text = request.param("q");
        if (text.isPresent() && text.get().length() > TokenQuery.MAX_TEXT_LENGTH) {
            filters = filters.withError("q", "At most " + TokenQuery.MAX_TEXT_LENGTH + " characters");
        }
        String revokeAllUrl = text.filter(t -> t.contains("@") && t.length() <= TokenQuery.MAX_TEXT_LENGTH)
                .map(t -> "/admin/subjects/revoke-all?subject=" + Views.url(t)).orElse(null);
        String notice = notice(request);
        if (filters.hasErrors()) {
            request.render(400, "tokens", request.layout("Tokens", "tokens", notice),
                    new Views.TokensPage(filters, List.of(), null, null, null));
            return;
        }
        TokenQuery query = new TokenQuery(Optional.empty(), status, source, use, text, request.param("after"),
                PAGE_SIZE);
        ListTokensResult result;
        try {
            result = list.list(new ListTokensQuery(request.actor(), query));
        } catch (StoreUnavailableException e) {
            request.render(503, "tokens", request.pages().layout("Tokens", "tokens", request.session(), notice, true),
                    new Views.TokensPage(filters, List.of(), null, revokeAllUrl,
                            "The registry cannot be searched while the database is unavailable."));
            return;
        }
        if (!(result instanceof ListTokensResult.Listed listed)) { // a cursor not of ours, or (never) forbidden
            request.render(400, "tokens", request.layout("Tokens", "tokens", notice),
                    new Views.TokensPage(filters, List.of(), null, revokeAllUrl, "That page link is not valid; "
                            + "search again."));
            return;
        }
        Page<TokenRecord> page = listed.page();
        List<Views.TokenRow> rows = page.items().stream()
                .map(t -> new Views.TokenRow(t, t.status(clock.instant()).wireName(), tokenUrl(t.jti()))).toList();
        String next = page.next().map(cursor -> "/admin/tokens?" + Views.query(typed) + "after=" + Views.url(cursor))
                .orElse(null);
        request.render(200, "tokens", request.layout("Tokens", "tokens", notice),
                new Views.TokensPage(filters, rows, next, revokeAllUrl, null));
    }

    /** {@code GET /admin/tokens/{jti}}. */
    void show(ConsoleRequest request) {
        String jti = request.ctx().pathParam("jti");
        Optional<TokenRecord> token = find.find(new FindTokenQuery(request.actor(), jti));
        if (token.isEmpty()) {
            request.message(404, "No such token", "The registry has no token with this jti.", "/admin/tokens",
                    "Search the registry");
            return;
        }
        String notice = "revoked".equals(request.ctx().queryParam("done"))
                ? "Token revoked. It is refused from now on, on every replica." : null;
        showToken(request, 200, token.get(), Views.Form.empty(), null, notice);
    }

    /** {@code POST /admin/tokens/revoke} with {@code jti} and an optional {@code reason}. */
    void revoke(ConsoleRequest request) {
        String jti = request.param("jti").orElse("");
        Optional<TokenRecord> known = jti.isEmpty() ? Optional.empty()
                : find.find(new FindTokenQuery(request.actor(), jti));
        if (known.isEmpty()) {
            request.message(404, "No such token", "The registry has no token with this jti; nothing was revoked.",
                    "/admin/tokens", "Search the registry");
            return;
        }
        Optional<String> reason = request.param("reason");
        Views.Form form = Views.Form.of(reason.map(r -> Map.of("reason", r)).orElse(Map.of()));
        if (reason.isPresent() && reason.get().length() > MAX_REASON) {
            showToken(request, 422, known.get(), form.withError("reason", "At most " + MAX_REASON + " characters"),
                    null, null);
            return;
        }
        if (known.get().status(clock.instant()) != TokenStatus.ACTIVE) {
            showToken(request, 409, known.get(), form, notActive(known.get()), null);
            return;
        }
        RevokeTokenResult result = revoke.revoke(RevokeTokenCommand.byJti(request.actor(), jti, reason));
        if (result instanceof Invalid invalid) {
            showToken(request, 422, known.get(), FieldErrors.attach(form, invalid, Set.of("reason"), "reason"),
                    null, null);
            return;
        }
        if (!(result instanceof RevokeTokenResult.Revoked revoked) || !revoked.newlyRevoked()) {
            // revoked by someone else between the check and now
            TokenRecord now = find.find(new FindTokenQuery(request.actor(), jti)).orElse(known.get());
            showToken(request, 409, now, form, notActive(now), null);
            return;
        }
        request.redirect(tokenUrl(jti) + "?done=revoked");
    }

    /** {@code GET /admin/subjects/revoke-all?subject=}: the confirmation, with the count of live tokens. */
    void confirmRevokeAll(ConsoleRequest request) {
        Optional<String> subject = request.param("subject");
        if (subject.isEmpty() || subject.get().length() > TokenQuery.MAX_TEXT_LENGTH) {
            request.message(400, "Revoke all tokens", "Say whose tokens to revoke: the subject (an e-mail) is "
                    + "missing or too long.", "/admin/tokens", "Search the registry");
            return;
        }
        long live;
        try {
            live = counts.liveTokensOf(subject.get());
        } catch (StoreUnavailableException e) {
            live = -1;
        }
        Views.Layout layout = live < 0
                ? request.pages().layout("Revoke all tokens", "tokens", request.session(), null, true)
                : request.layout("Revoke all tokens", "tokens", null);
        request.render(200, "revoke-subject", layout,
                new Views.RevokeSubjectPage(subject.get().toLowerCase(java.util.Locale.ROOT), live, Views.Form.empty()));
    }

    /** {@code POST /admin/subjects/revoke-all} with {@code subject} and an optional {@code reason}. */
    void revokeAll(ConsoleRequest request) {
        Optional<String> subject = request.param("subject");
        Optional<String> reason = request.param("reason");
        if (subject.isEmpty() || subject.get().length() > TokenQuery.MAX_TEXT_LENGTH) {
            request.message(400, "Revoke all tokens", "The subject (an e-mail) is missing or too long; nothing "
                    + "was revoked.", "/admin/tokens", "Search the registry");
            return;
        }
        if (reason.isPresent() && reason.get().length() > MAX_REASON) {
            request.render(422, "revoke-subject", request.layout("Revoke all tokens", "tokens", null),
                    new Views.RevokeSubjectPage(subject.get(), counts.liveTokensOf(subject.get()),
                            Views.Form.of(Map.of("reason", reason.get()))
                                    .withError("reason", "At most " + MAX_REASON + " characters")));
            return;
        }
        long live = counts.liveTokensOf(subject.get());
        RevokeAllTokensResult result = revokeAll.revokeAll(RevokeAllTokensCommand.ofSubject(request.actor(),
                subject.get(), reason));
        if (result instanceof Invalid invalid) {
            request.render(422, "revoke-subject", request.layout("Revoke all tokens", "tokens", null),
                    new Views.RevokeSubjectPage(subject.get(), live, FieldErrors.attach(
                            Views.Form.of(reason.map(r -> Map.of("reason", r)).orElse(Map.of())), invalid,
                            Set.of("reason"), "reason")));
            return;
        }
        request.redirect("/admin/tokens?q=" + Views.url(subject.get()) + "&done=revoked-all&n=" + live);
    }

    private void showToken(ConsoleRequest request, int status, TokenRecord token, Views.Form form, String message,
                           String notice) {
        request.render(status, "token", request.layout("Token", "tokens", notice),
                new Views.TokenPage(token, token.status(clock.instant()).wireName(),
                        "/admin/subjects/revoke-all?subject=" + Views.url(token.subject()), form, message));
    }

    private String notActive(TokenRecord token) {
        if (token.revokedAt() != null) {
            return "This token was already revoked at " + Views.when(token.revokedAt()) + " by "
                    + Views.orDash(token.revokedBy()) + ". Nothing was changed.";
        }
        return "This token already expired at " + Views.when(token.expiresAt()) + "; it is refused anyway. "
                + "Nothing was changed.";
    }

    private static String notice(ConsoleRequest request) {
        if (!"revoked-all".equals(request.ctx().queryParam("done"))) {
            return null;
        }
        String subject = request.param("q").orElse("the subject");
        String n = Optional.ofNullable(request.ctx().queryParam("n")).filter(v -> v.matches("\\d{1,12}")).orElse("?");
        return "Every token of " + subject + " issued until now is revoked (" + n + " live in the registry).";
    }

    static String tokenUrl(String jti) {
        return "/admin/tokens/" + Views.url(jti).replace("+", "%20");
    }
}
