package io.tokenlife.app.http.web;

import io.javalin.security.RouteRole;

/** Which credentials a protected route takes, beside its {@link Access}; unmarked: the header or the cookie. */
public enum Credential implements RouteRole {
    /**
     * Only {@code Authorization: Bearer}: a form route (RFC 7009, RFC 7662), which a cross-site HTML form
     * could reach with the browser's {@code jwt_token} cookie and no custom header; the cookie does not
     * authenticate it ({@code 401}).
     */
    HEADER_ONLY
}
