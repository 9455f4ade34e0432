package io.tokenlife.app.http.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.app.http.ops.ReadinessCheck;

import java.util.Map;

/**
 * Renders the console's precompiled templates and gives every page the same headers: a strict
 * Content-Security-Policy (no inline script or style, nothing from elsewhere), no framing, no caching.
 */
final class ConsolePages {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final ConsoleAssets.Links assets;
    private final ReadinessCheck readiness;

    ConsolePages(ConsoleAssets.Links assets, ReadinessCheck readiness) {
        this.assets = assets;
        this.readiness = readiness;
    }

    /** The frame of a page; the database banner follows this process's readiness check. */
    Views.Layout layout(String title, String section, ConsoleSession.SignedIn session, String notice) {
        return layout(title, section, session, notice, !readiness.check().databaseReachable());
    }

    Views.Layout layout(String title, String section, ConsoleSession.SignedIn session, String notice,
                        boolean databaseDown) {
        return new Views.Layout(title, section, session == null ? null : session.caller().subject(),
                session == null ? "" : session.csrf(), databaseDown, notice, assets.css(), assets.htmx());
    }

    void render(Context ctx, int status, String template, Views.Layout layout, Object page) {
        StringOutput out = new StringOutput();
        engine.render("console/" + template + ".jte", Map.of("layout", layout, "page", page), out);
        secureHeaders(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    void message(Context ctx, int status, String title, ConsoleSession.SignedIn session, String message,
                 String linkUrl, String linkText) {
        render(ctx, status, "message", layout(title, "", session, null, false),
                new Views.MessagePage(message, linkUrl, linkText));
    }

    /** After a form: 303 to the page to show; an htmx request is told to navigate there itself. */
    static void redirect(Context ctx, String url) {
        secureHeaders(ctx);
        if (ctx.header("HX-Request") != null) {
            ctx.header("HX-Redirect", url).status(200).result("");
        } else {
            ctx.redirect(url, io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    static void secureHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
