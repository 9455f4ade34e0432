package io.tokenlife.app.http.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Routing;
import io.tokenlife.domain.port.out.StoreUnavailableException;

import java.util.Map;

/**
 * The admin console at {@code /admin}: server-rendered HTML pages over the domain use cases, enhanced by
 * htmx when JavaScript runs and complete without it. Its routes are {@link Access#ANYONE} for the API's
 * authenticator: the console checks its own session (an admin's {@code admin_ui} token in its own cookie)
 * in {@link #page} and {@link #action}, so nothing here runs on any other route.
 */
public final class AdminConsole {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminConsole.class);
    private final ConsoleSession session;
    private final ConsolePages pages;
    private final ConsoleAssets assets = new ConsoleAssets();
    private final SignInPages signIn;
    private final OverviewPage overview;
    private final TokenPages tokens;
    private final UserPages users;
    private final EventPages events;

    private AdminConsole(ConsoleDependencies deps) {
        this.session = new ConsoleSession(deps.validate(), deps.secureCookies(), deps.csrf());
        this.pages = new ConsolePages(assets.links(), deps.readiness());
        this.signIn = new SignInPages(deps.login(), deps.revoke(), deps.throttle(), session, pages, deps.clock());
        this.overview = new OverviewPage(deps.counts(), deps.findings(), deps.readiness());
        this.tokens = new TokenPages(deps.list(), deps.find(), deps.revoke(), deps.revokeAll(), deps.counts(),
                deps.clock());
        this.users = new UserPages(deps.users());
        this.events = new EventPages(deps.events());
    }

    /** Declares every console route. */
    public static void register(RoutesConfig routes, ConsoleDependencies deps) {
        new AdminConsole(deps).declare(routes);
    }

    /** Whether a route path is the console's (HTML, documented in the console guide, not in openapi.json). */
    public static boolean owns(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") && !path.equals("/admin/login");
    }

    private void declare(RoutesConfig routes) {
        Routing.get(routes, "/admin/assets/{name}", assets::serve, Access.ANYONE);
        Routing.get(routes, "/admin/sign-in", guarded(signIn::form), Access.ANYONE);
        routes.post("/admin/sign-in", guarded(signIn::signIn), Access.ANYONE);
        routes.post("/admin/sign-out", action(signIn::signOut), Access.ANYONE);
        Routing.get(routes, "/admin", page(overview::show), Access.ANYONE);
        Routing.get(routes, "/admin/tokens", page(tokens::list), Access.ANYONE);
        Routing.get(routes, "/admin/tokens/{jti}", page(tokens::show), Access.ANYONE);
        routes.post("/admin/tokens/revoke", action(tokens::revoke), Access.ANYONE);
        Routing.get(routes, "/admin/subjects/revoke-all", page(tokens::confirmRevokeAll), Access.ANYONE);
        routes.post("/admin/subjects/revoke-all", action(tokens::revokeAll), Access.ANYONE);
        Routing.get(routes, "/admin/users", page(users::list), Access.ANYONE);
        routes.post("/admin/users", action(users::create), Access.ANYONE);
        Routing.get(routes, "/admin/users/detail", page(users::show), Access.ANYONE);
        routes.post("/admin/users/active", action(users::setActive), Access.ANYONE);
        routes.post("/admin/users/admin", action(users::setAdmin), Access.ANYONE);
        routes.post("/admin/users/password", action(users::resetPassword), Access.ANYONE);
        Routing.get(routes, "/admin/events", page(events::list), Access.ANYONE);
    }

    @FunctionalInterface
    private interface ConsoleHandler {
        void handle(ConsoleRequest request);
    }

    /** A page for signed-in admins; anyone else is sent to sign in or told they lack the rights. */
    private Handler page(ConsoleHandler handler) {
        return guarded(ctx -> {
            ConsoleSession.SignedIn signedIn = signedIn(ctx);
            if (signedIn != null) {
                handler.handle(new ConsoleRequest(ctx, signedIn, pages, Map.of()));
            }
        });
    }

    /**
     * A state-changing form: refused unless it comes from this origin and carries the session's CSRF token,
     * checked before anything else is read.
     */
    private Handler action(ConsoleHandler handler) {
        return guarded(ctx -> {
            if (!session.fromThisOrigin(ctx)) {
                pages.message(ctx, 403, "Refused", null, "This form was sent from another site, so it was refused "
                        + "and nothing was changed.", "/admin", "Open the console");
                return;
            }
            ConsoleSession.SignedIn signedIn = signedIn(ctx);
            if (signedIn == null) {
                return;
            }
            Map<String, String> form = ConsoleRequest.formOf(ctx);
            if (!ConsoleSession.csrfMatches(signedIn, form.get("csrf"))) {
                pages.message(ctx, 403, "Refused", signedIn, "This form's security token is missing or belongs to "
                        + "another session, so it was refused and nothing was changed. Reload the page and try "
                        + "again.", "/admin", "Open the console");
                return;
            }
            handler.handle(new ConsoleRequest(ctx, signedIn, pages, form));
        });
    }

    /** The signed-in admin, or null once the answer (redirect or refusal) is written. */
    private ConsoleSession.SignedIn signedIn(Context ctx) {
        ConsoleSession.State state = session.of(ctx);
        if (state instanceof ConsoleSession.SignedIn signedIn) {
            return signedIn;
        }
        if (state instanceof ConsoleSession.NotAdmin) {
            pages.message(ctx, 403, "Admins only", null, "This account has no admin rights: the console is for "
                    + "administrators only.", "/admin/sign-in", "Sign in as an administrator");
            return null;
        }
        if (state instanceof ConsoleSession.Ended) {
            ctx.header("Set-Cookie", session.clearedCookie());
            ConsolePages.redirect(ctx, "/admin/sign-in?ended");
            return null;
        }
        ConsolePages.redirect(ctx, "/admin/sign-in");
        return null;
    }

    /** Faults become pages, never the API's problem+json: a database outage says nothing was changed. */
    private Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (StoreUnavailableException e) {
                ctx.res().resetBuffer();
                pages.render(ctx, 503, "message", pages.layout("Database unavailable", "", null, null, true),
                        new io.tokenlife.app.http.console.view.Views.MessagePage("The database did not answer, "
                                + "so nothing was changed. Try again when it is back.", "/admin", "Back to the console"));
            } catch (ApiException e) {
                pages.message(ctx, e.status(), e.title(), null, e.detail(), "/admin", "Back to the console");
            } catch (RuntimeException e) {
                io.javalin.router.Endpoint route = ctx.endpoints().matchedHttpEndpoint(); // the template, not the URL
                LOG.error("unexpected failure on {} {}", ctx.method(), route == null ? "?" : route.path, e);
                ctx.res().resetBuffer();
                pages.message(ctx, 500, "Something went wrong", null, "An unexpected error occurred and has been "
                        + "logged. Reload the page to see what was done.", "/admin", "Back to the console");
            }
        };
    }
}
