package io.tokenlife.app.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;

/**
 * Route declarations that need more than one Javalin call. A GET route is declared for HEAD too, with the
 * same access rule: Javalin otherwise answers HEAD itself, with an empty 200 and without running the
 * authenticator, so a HEAD on a protected route would say "200" to anyone.
 */
public final class Routing {
    private Routing() {
    }

    public static void get(RoutesConfig routes, String path, Handler handler, RouteRole access) {
        routes.get(path, handler, access);
        routes.head(path, handler, access);
    }
}
