package io.tokenlife.app.http.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.util.Set;

/**
 * Authenticates the caller of a protected route through the domain's validation use case: the token
 * comes from {@code Authorization: Bearer} or, failing that, from the {@code jwt_token} cookie set by
 * the admin login. The {@link Caller} is then checked against the route's {@link Access}.
 *
 * <p>A browser sends the cookie by itself, also on requests another site makes it send, so a state-changing
 * request authenticated by the cookie goes through the {@link CsrfGuard} first (same origin, JSON or no
 * body), and a {@link Credential#HEADER_ONLY} route does not take the cookie at all. A bearer token in the
 * header is unchanged by all this: no browser adds it on its own.
 */
public final class Authenticator {
    public static final String COOKIE = "jwt_token";
    private static final String CALLER = "tokenlife.caller";
    private static final String BEARER = "bearer";

    private final ValidateTokenUseCase validate;
    private final CsrfGuard csrf;
    /**
     * The caller of a token is a function of its claims and the admin flag; the verified-token cache hands out
     * the same claims for a repeated token, so its caller is built once, not on every request (it was a few per
     * cent of an introspection's CPU time: scopes split, subject normalised, sets copied). Validation itself
     * still runs on every request, before this.
     */
    private final IdentityMemo<TokenClaims, Caller> callers = new IdentityMemo<>(claims -> Caller.of(claims, false));
    private final IdentityMemo<TokenClaims, Caller> platformAdminCallers =
            new IdentityMemo<>(claims -> Caller.of(claims, true));

    public Authenticator(ValidateTokenUseCase validate, CsrfGuard csrf) {
        this.validate = validate;
        this.csrf = csrf;
    }

    /** A {@code beforeMatched} handler. */
    public void authenticate(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.ANYONE)) {
            return;
        }
        // what a protected route answers (token metadata, users, refusals) is the caller's: never cached
        ctx.header("Cache-Control", "no-store");
        Presented presented = presentedToken(ctx);
        if (presented.byCookie()) {
            if (roles.contains(Credential.HEADER_ONLY)) {
                throw ApiException.unauthorized("this endpoint takes Authorization: Bearer <token>; the "
                        + COOKIE + " cookie does not authenticate form requests");
            }
            if (CsrfGuard.changesState(ctx)) { // before the token is validated: a refused request leaves no trace
                csrf.requireThisOrigin(ctx);
                CsrfGuard.requireJsonOrNoBody(ctx);
            }
        }
        ValidationResult result = validate.validate(presented.token());
        if (result instanceof ValidationResult.Rejected rejected) {
            throw ApiException.invalidToken(rejected.code(), rejected.detail());
        }
        ValidationResult.Valid valid = (ValidationResult.Valid) result;
        Caller caller = (valid.platformAdmin() ? platformAdminCallers : callers).get(valid.claims());
        if (roles.contains(Access.SESSION) && !caller.canManageTokens()) {
            throw ApiException.forbidden("API tokens cannot create or manage tokens; use a session token");
        }
        if (roles.contains(Access.ADMIN) && !caller.admin()) {
            throw ApiException.forbidden("this operation needs admin rights");
        }
        ctx.attribute(CALLER, caller);
    }

    /** The authenticated caller of the current request (only on protected routes). */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route is not protected: no caller");
        }
        return caller;
    }

    /** The token of a request and whether it came in the cookie. */
    private record Presented(String token, boolean byCookie) {
    }

    /**
     * The credentials of an {@code Authorization} value: scheme, whitespace, credentials, surrounding whitespace
     * ignored. Scanned by hand and copied once (a regex split compiled a pattern per request; trimming and
     * cutting copied a 700-character token twice more).
     */
    static String bearerCredentials(String header) {
        int from = 0;
        int to = header.length();
        while (from < to && header.charAt(from) <= ' ') { // what String.trim drops
            from++;
        }
        while (to > from && header.charAt(to - 1) <= ' ') {
            to--;
        }
        int schemeEnd = from;
        while (schemeEnd < to && !Character.isWhitespace(header.charAt(schemeEnd))) {
            schemeEnd++;
        }
        int credentials = schemeEnd;
        while (credentials < to && header.charAt(credentials) <= ' ') {
            credentials++;
        }
        boolean bearer = schemeEnd - from == BEARER.length() && header.regionMatches(true, from, BEARER, 0, BEARER.length());
        if (!bearer || credentials == to) {
            throw ApiException.unauthorized("use the Authorization header with the Bearer scheme");
        }
        return header.substring(credentials, to);
    }

    private static Presented presentedToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            return new Presented(bearerCredentials(header), false);
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            return new Presented(cookie, true);
        }
        throw ApiException.unauthorized("a bearer token is required (Authorization: Bearer <token>)");
    }
}
