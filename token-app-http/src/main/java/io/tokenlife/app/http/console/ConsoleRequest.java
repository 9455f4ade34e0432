package io.tokenlife.app.http.console;

import io.javalin.http.Context;
import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.app.http.web.RequestBody;

import java.util.Map;
import java.util.Optional;

/** A request of a signed-in admin, with its form (for posts) and the page renderer. */
record ConsoleRequest(Context ctx, ConsoleSession.SignedIn session, ConsolePages pages, Map<String, String> form) {
    String admin() {
        return session.caller().subject();
    }

    /** The signed-in admin as the actor of a command. */
    io.tokenlife.domain.model.Actor actor() {
        return session.caller().actor();
    }

    /** A form field or query parameter, stripped; empty when absent or blank. */
    Optional<String> param(String name) {
        String value = form.containsKey(name) ? form.get(name) : ctx.queryParam(name);
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A form field exactly as typed (passwords are not stripped). */
    String raw(String name) {
        return form.getOrDefault(name, "");
    }

    Views.Layout layout(String title, String section, String notice) {
        return pages.layout(title, section, session, notice);
    }

    void render(int status, String template, Views.Layout layout, Object page) {
        pages.render(ctx, status, template, layout, page);
    }

    void message(int status, String title, String message, String linkUrl, String linkText) {
        pages.message(ctx, status, title, session, message, linkUrl, linkText);
    }

    void redirect(String url) {
        ConsolePages.redirect(ctx, url);
    }

    static Map<String, String> formOf(Context ctx) {
        return RequestBody.form(ctx);
    }
}
