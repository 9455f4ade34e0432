package io.tokenlife.app.http.identity;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.CsrfGuard;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.LoginThrottle;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedRefreshToken;
import io.tokenlife.domain.model.IssuedSession;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.port.in.RefreshSessionCommand;
import io.tokenlife.domain.port.in.RefreshSessionResult;
import io.tokenlife.domain.port.in.RefreshSessionUseCase;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.SsoLoginCommand;
import io.tokenlife.domain.port.in.SsoLoginResult;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.settings.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every way to obtain a session token, and logout: password login, the admin-UI login that sets the
 * {@code jwt_token} cookie, the SSO exchange, and the refresh of a session by its refresh token. The domain decides; this class reads the request,
 * consults the {@link LoginThrottle} before any password is checked, and writes the answer.
 */
public final class IdentityEndpoints implements Endpoints {
    private static final Set<String> LOGIN_FIELDS = Set.of("email", "password");
    private static final Set<String> SSO_FIELDS = Set.of("id_token");
    private static final Set<String> REFRESH_FIELDS = Set.of("refresh_token");
    /** The same words for an unknown, malformed, expired, spent or revoked token: a guesser learns nothing. */
    static final String INVALID_GRANT = "the refresh token is not valid; log in again";

    private final LoginUseCase login;
    private final SsoLoginUseCase sso;
    private final RevokeTokenUseCase revoke;
    private final RefreshSessionUseCase refresh;
    private final LoginThrottle throttle;
    private final boolean secureCookies;
    private final CsrfGuard csrf;
    private final Clock clock;

    public IdentityEndpoints(LoginUseCase login, SsoLoginUseCase sso, RevokeTokenUseCase revoke,
                       RefreshSessionUseCase refresh, LoginThrottle throttle, boolean secureCookies, CsrfGuard csrf,
                       Clock clock) {
        this.login = login;
        this.sso = sso;
        this.revoke = revoke;
        this.refresh = refresh;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Override
    public void declare(RoutesConfig routes) {
        routes.post("/auth/login", this::login, Access.ANYONE);
        routes.post("/auth/refresh", this::refresh, Access.ANYONE);
        routes.post("/auth/logout", this::logout, Access.BEARER);
        routes.post("/auth/sso/{provider}", this::sso, Access.ANYONE);
        routes.post("/admin/login", this::adminLogin, Access.ANYONE);
    }

    /** {@code POST /auth/login} with {@code {email, password}}. */
    private void login(Context ctx) {
        RequestBody.JsonObject body = RequestBody.json(ctx, false, LOGIN_FIELDS);
        IssuedSession session = passwordLogin(ctx, body.requiredString("email"), body.requiredString("password"),
                TokenSource.LOGIN);
        respond(ctx, session);
    }

    /**
     * {@code POST /auth/refresh} with {@code {"refresh_token"}} (or the OAuth form {@code grant_type=refresh_token}):
     * a new access token and a new refresh token; the presented one is spent.
     */
    private void refresh(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        String token;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = RequestBody.form(ctx);
            String grant = form.get("grant_type");
            if (grant != null && !grant.equals("refresh_token")) {
                throw ApiException.invalidRequest("the form field 'grant_type' must be 'refresh_token'");
            }
            token = requiredField(form, "refresh_token");
        } else {
            token = RequestBody.json(ctx, false, REFRESH_FIELDS).requiredString("refresh_token");
        }
        RefreshSessionResult result = refresh.refresh(new RefreshSessionCommand(token, clientAddress(ctx)));
        if (result instanceof RefreshSessionResult.Refused) {
            throw ApiException.invalidGrant(INVALID_GRANT);
        }
        respond(ctx, ((RefreshSessionResult.Refreshed) result).session());
    }

    /**
     * {@code POST /admin/login}: a form or JSON; sets the {@code jwt_token} cookie and returns the token too.
     * Refused from another origin: a cross-site form must not sign a browser in with someone else's account.
     */
    private void adminLogin(Context ctx) {
        csrf.requireThisOrigin(ctx);
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        String email;
        String password;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = RequestBody.form(ctx); // other fields of an HTML form are ignored
            email = requiredField(form, "email");
            password = requiredField(form, "password");
        } else {
            RequestBody.JsonObject body = RequestBody.json(ctx, false, LOGIN_FIELDS);
            email = body.requiredString("email");
            password = body.requiredString("password");
        }
        IssuedSession session = passwordLogin(ctx, email, password, TokenSource.ADMIN_UI);
        ctx.header("Set-Cookie", cookie(session.access().compact(), expiresIn(session.access())));
        respond(ctx, session);
    }

    /** {@code POST /auth/logout}: revokes the presented token (reason {@code logout}) and clears the cookie. */
    private void logout(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        if (caller.jti() == null) {
            throw ApiException.invalidRequest("the presented token has no jti and cannot be revoked; it stays valid "
                    + "until it expires");
        }
        RevokeTokenResult result = revoke.revoke(RevokeTokenCommand.presented(caller.actor(), caller.jti(),
                caller.subject(), "logout"));
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        if (ctx.cookie(Authenticator.COOKIE) != null) {
            ctx.header("Set-Cookie", cookie("", 0));
        }
        ctx.status(204);
    }

    /** {@code POST /auth/sso/{provider}} with {@code {id_token}} from a provider of {@code SSO_PROVIDERS_FILE}. */
    private void sso(Context ctx) {
        String provider = ctx.pathParam("provider");
        String idToken = RequestBody.json(ctx, false, SSO_FIELDS).requiredString("id_token").trim();
        String address = clientAddress(ctx);
        throttle.check(null, address);
        SsoLoginResult result = sso.login(new SsoLoginCommand(provider, idToken, address));
        if (result instanceof SsoLoginResult.UnknownProvider) {
            throw ApiException.notFound("no SSO provider '" + Responses.printable(provider) + "' is configured");
        }
        if (result instanceof SsoLoginResult.Refused refused) {
            throttle.failed(null, address);
            throw ApiException.unauthorized(refused.detail());
        }
        SsoLoginResult.LoggedIn loggedIn = (SsoLoginResult.LoggedIn) result;
        respond(ctx, new IssuedSession(loggedIn.token(), loggedIn.refresh()));
    }

    private IssuedSession passwordLogin(Context ctx, String email, String password, TokenSource source) {
        // bounded before the throttle keys on it and the directory is asked
        if (email.length() > Limits.MAX_SUBJECT) {
            throw ApiException.invalidRequest("the field 'email' is longer than " + Limits.MAX_SUBJECT + " characters");
        }
        String address = clientAddress(ctx);
        throttle.check(email, address);
        LoginResult result = login.login(new LoginCommand(email, new Secret(password), source, address));
        if (result instanceof LoginResult.Refused refused) {
            throttle.failed(email, address);
            throw ApiException.unauthorized(refused.detail());
        }
        throttle.succeeded(email, address);
        LoginResult.LoggedIn loggedIn = (LoginResult.LoggedIn) result;
        return new IssuedSession(loggedIn.token(), loggedIn.refresh());
    }

    private void respond(Context ctx, IssuedSession session) {
        IssuedToken token = session.access();
        ctx.header("Cache-Control", "no-store");
        Optional<IssuedRefreshToken> refreshToken = session.refresh();
        Responses.json(ctx, new TokenResponse(token.compact(), "Bearer", expiresIn(token), token.jti(),
                refreshToken.map(IssuedRefreshToken::value).orElse(null),
                refreshToken.map(r -> secondsUntil(r.usableUntil())).orElse(null)));
    }

    private long expiresIn(IssuedToken token) {
        Instant expiresAt = token.claims().expiresAt();
        return expiresAt == null ? 0 : secondsUntil(expiresAt);
    }

    private long secondsUntil(Instant instant) {
        return Math.max(0, Duration.between(clock.instant(), instant).toSeconds());
    }

    /** The admin-UI cookie: HttpOnly so scripts cannot read it, SameSite=Lax against cross-site posts. */
    private String cookie(String value, long maxAgeSeconds) {
        return Authenticator.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : "");
    }

    /** The TCP peer. Never X-Forwarded-For: a client could pick a new address for each guess. */
    private static String clientAddress(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    private static String requiredField(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw ApiException.invalidRequest("the form field '" + field + "' is required");
        }
        return value;
    }
}
