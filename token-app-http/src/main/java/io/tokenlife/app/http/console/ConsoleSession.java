package io.tokenlife.app.http.console;

import io.javalin.http.Context;
import io.tokenlife.app.http.web.CsrfGuard;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;


/**
 * The console's session: an {@code admin_ui} session token in a cookie of its own (HttpOnly,
 * SameSite=Strict, Secure and {@code __Host-} outside development), validated by the domain on every
 * request, so a revoked or expired session ends at once. The JSON API never reads this cookie.
 *
 * <p>CSRF: the service's one {@link CsrfGuard}. Every state-changing form carries its synchronizer token
 * bound to the session (an HMAC keyed with the session token, so every replica can check it without shared
 * state, and knowing it reveals nothing about the session); requests whose {@code Sec-Fetch-Site} or
 * {@code Origin} say they come from elsewhere are refused before the token is even looked at.
 */
final class ConsoleSession {
    static final String DEV_COOKIE = "tokenlife_console";
    static final String SECURE_COOKIE = "__Host-tokenlife_console";

    /** What the cookie of a request amounts to. */
    sealed interface State {
    }

    record SignedIn(Caller caller, String token, String csrf) implements State {
    }

    /** No session cookie: never signed in, or signed out. */
    record Missing() implements State {
    }

    /** A cookie whose token is no longer valid (expired, revoked, disabled user, ...). */
    record Ended() implements State {
    }

    /** A valid session of a user without admin rights. */
    record NotAdmin(Caller caller) implements State {
    }

    private final ValidateTokenUseCase validate;
    private final boolean secure;
    private final CsrfGuard csrf;

    ConsoleSession(ValidateTokenUseCase validate, boolean secure, CsrfGuard csrf) {
        this.validate = validate;
        this.secure = secure;
        this.csrf = csrf;
    }

    String cookieName() {
        return secure ? SECURE_COOKIE : DEV_COOKIE;
    }

    State of(Context ctx) {
        String token = ctx.cookie(cookieName());
        if (token == null || token.isBlank()) {
            return new Missing();
        }
        ValidationResult result = validate.validate(token);
        if (!(result instanceof ValidationResult.Valid valid)) {
            return new Ended();
        }
        Caller caller = Caller.of(valid);
        if (!caller.admin() || !caller.canManageTokens()) {
            return new NotAdmin(caller);
        }
        return new SignedIn(caller, token, CsrfGuard.consoleToken(token));
    }

    String cookie(String token, long maxAgeSeconds) {
        return cookieName() + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    String clearedCookie() {
        return cookie("", 0);
    }

    /** Whether the request comes from this origin (the one {@link CsrfGuard} of the service decides). */
    boolean fromThisOrigin(Context ctx) {
        return csrf.fromThisOrigin(ctx);
    }

    static boolean csrfMatches(SignedIn session, String presented) {
        return CsrfGuard.tokenMatches(session.csrf(), presented);
    }
}
