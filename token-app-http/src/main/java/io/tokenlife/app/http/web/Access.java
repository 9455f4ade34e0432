package io.tokenlife.app.http.web;

import io.javalin.security.RouteRole;

/** Who may call a route; checked by {@link Authenticator} before the handler runs. */
public enum Access implements RouteRole {
    /** No token needed. */
    ANYONE,
    /** Any valid token, session or API. */
    BEARER,
    /** A valid session token: API tokens cannot create or manage tokens (docs/reference/http-api.md#authentication). */
    SESSION,
    /** A valid token of an admin (the platform admin or a user marked admin). */
    ADMIN
}
