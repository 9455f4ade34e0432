package io.tokenlife.app.http.web;

import io.javalin.config.RoutesConfig;

/**
 * One feature of the JSON API: its routes, each with its access rule ({@link Access}, and {@link Credential}
 * where only the header counts), declared beside the handlers that serve them. A GET is declared with
 * {@link Routing#get}, which adds the HEAD beside it. The composition root constructs each feature with the use
 * cases it calls and nothing else.
 */
@FunctionalInterface
public interface Endpoints {
    void declare(RoutesConfig routes);
}
