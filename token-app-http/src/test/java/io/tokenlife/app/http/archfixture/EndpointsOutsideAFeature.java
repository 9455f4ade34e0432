package io.tokenlife.app.http.archfixture;

import io.javalin.config.RoutesConfig;
import io.tokenlife.app.http.web.Endpoints;

/** Breaks "every Endpoints class lives in a listed feature package": routes outside the features' rules (test fixture). */
public final class EndpointsOutsideAFeature implements Endpoints {
    @Override
    public void declare(RoutesConfig routes) {
        routes.get("/outside", ctx -> ctx.result("unchecked"));
    }
}
