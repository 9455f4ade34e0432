package io.tokenlife.app.http.console;

import io.javalin.http.Context;
import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.LoginThrottle;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.settings.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Signing in and out. Sign-in is the platform's password login with source {@code admin_ui}, throttled
 * like every other login; a user without admin rights gets no session (the token just issued is revoked).
 * Signing out revokes the session token.
 */
final class SignInPages {
    static final int MAX_EMAIL_LENGTH = 320;

    private final LoginUseCase login;
    private final RevokeTokenUseCase revoke;
    private final LoginThrottle throttle;
    private final ConsoleSession session;
    private final ConsolePages pages;
    private final Clock clock;

    SignInPages(LoginUseCase login, RevokeTokenUseCase revoke, LoginThrottle throttle, ConsoleSession session,
                ConsolePages pages, Clock clock) {
        this.login = login;
        this.revoke = revoke;
        this.throttle = throttle;
        this.session = session;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /admin/sign-in}. */
    void form(Context ctx) {
        if (session.of(ctx) instanceof ConsoleSession.SignedIn) {
            ConsolePages.redirect(ctx, "/admin");
            return;
        }
        String message = ctx.queryParam("ended") != null
                ? "Your session has ended (it expired or was revoked). Sign in again." : null;
        String notice = ctx.queryParam("signed-out") != null ? "Signed out. The session token is revoked." : null;
        show(ctx, 200, Views.Form.empty(), message, notice);
    }

    /** {@code POST /admin/sign-in}. */
    void signIn(Context ctx) {
        if (!session.fromThisOrigin(ctx)) {
            pages.message(ctx, 403, "Refused", null, "This sign-in did not come from the console's own page.",
                    "/admin/sign-in", "Go to the sign-in page");
            return;
        }
        Map<String, String> fields = ConsoleRequest.formOf(ctx);
        String email = fields.getOrDefault("email", "").strip();
        String password = fields.getOrDefault("password", "");
        Views.Form form = Views.Form.of(Map.of("email", email));
        if (email.isEmpty()) {
            form = form.withError("email", "Enter your e-mail address");
        } else if (email.length() > MAX_EMAIL_LENGTH) {
            form = form.withError("email", "At most " + MAX_EMAIL_LENGTH + " characters");
        }
        if (password.isEmpty()) {
            form = form.withError("password", "Enter your password");
        }
        if (form.hasErrors()) {
            show(ctx, 422, form, null, null);
            return;
        }
        String address = ctx.req().getRemoteAddr();
        try {
            throttle.check(email, address);
        } catch (ApiException e) {
            show(ctx, e.status(), form, e.detail(), null);
            return;
        }
        LoginResult result = login.login(new LoginCommand(email, new Secret(password), TokenSource.ADMIN_UI, address));
        if (result instanceof LoginResult.Refused refused) {
            throttle.failed(email, address);
            show(ctx, 401, form, FieldErrors.capitalized(refused.detail()) + ".", null);
            return;
        }
        throttle.succeeded(email, address);
        LoginResult.LoggedIn in = (LoginResult.LoggedIn) result;
        IssuedToken token = in.token();
        if (!in.platformAdmin() && !Boolean.TRUE.equals(token.claims().extra().get(Caller.ADMIN_CLAIM))) {
            String subject = token.claims().subject();
            revoke.revoke(RevokeTokenCommand.presented(new Actor(subject, false, Actor.Kind.SESSION_TOKEN),
                    token.jti(), subject, "console sign-in refused: no admin rights"));
            show(ctx, 403, form, "This account has no admin rights: the console is for administrators only.", null);
            return;
        }
        ctx.header("Set-Cookie", session.cookie(token.compact(), secondsLeft(token.claims().expiresAt())));
        ConsolePages.redirect(ctx, "/admin");
    }

    /** {@code POST /admin/sign-out} (CSRF-checked by the caller). */
    void signOut(ConsoleRequest request) {
        Context ctx = request.ctx();
        ctx.header("Set-Cookie", session.clearedCookie());
        String jti = request.session().caller().jti();
        if (jti == null) {
            ConsolePages.redirect(ctx, "/admin/sign-in?signed-out");
            return;
        }
        try {
            Caller caller = request.session().caller();
            revoke.revoke(RevokeTokenCommand.presented(caller.actor(), jti, caller.subject(), "logout"));
        } catch (StoreUnavailableException e) {
            pages.message(ctx, 503, "Signed out of this browser", null, "The session token could not be revoked "
                    + "because the database is unavailable; it stays valid until it expires.", "/admin/sign-in",
                    "Sign in again");
            return;
        }
        ConsolePages.redirect(ctx, "/admin/sign-in?signed-out");
    }

    private void show(Context ctx, int status, Views.Form form, String message, String notice) {
        pages.render(ctx, status, "sign-in", pages.layout("Sign in", "", null, notice, false),
                new Views.SignInPage(form, message));
    }

    private long secondsLeft(Instant expiresAt) {
        return expiresAt == null ? Duration.ofHours(8).toSeconds()
                : Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
    }
}
