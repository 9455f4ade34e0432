package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;

import java.util.Optional;

/**
 * Who may see, list and revoke which tokens (docs/reference/http-api.md#tokens): an admin (and the CLI's operator) every token,
 * anyone else their own. The find, list and revoke use cases ask here, whatever edge they serve.
 */
public final class TokenAccessPolicy {
    /**
     * The scope that makes a token fit to introspect others (RFC 7662 §2.1: the caller is a protected
     * resource, not any bearer). Only an admin may have it put in a token.
     */
    public static final String INTROSPECT_SCOPE = "tokens:introspect";

    private TokenAccessPolicy() {
    }

    /** RFC 7662: an admin's session, or a token carrying {@link #INTROSPECT_SCOPE} (the resource servers' API tokens). */
    public static boolean mayIntrospect(Caller caller) {
        return caller.admin() || caller.hasScope(INTROSPECT_SCOPE);
    }

    /** Scopes that grant a capability over other people's tokens are an admin's to hand out. */
    public static boolean mayRequestScope(Actor actor, String scope) {
        return actor.admin() || !Caller.scopesOf(scope).contains(INTROSPECT_SCOPE);
    }

    /** Signing keys are listed, rotated, retired, revoked and imported by admins (and the CLI's operator) only. */
    public static boolean mayManageKeys(Actor actor) {
        return actor.admin();
    }

    public static boolean maySee(Actor actor, TokenRecord token) {
        return actor.admin() || actor.is(token.subject());
    }

    /**
     * An admin may revoke any jti, also one the registry never saw (a token minted elsewhere with our key);
     * anyone else only a token whose owner is known to be them.
     */
    public static boolean mayRevoke(Actor actor, Optional<String> owner) {
        return actor.admin() || owner.map(actor::is).orElse(false);
    }

    /** The listing the actor may have: an admin's as asked, anyone else's limited to their own tokens. */
    public static Optional<TokenQuery> listable(Actor actor, TokenQuery query) {
        if (actor.admin()) {
            return Optional.of(query);
        }
        if (query.subject().isPresent() && !actor.is(query.subject().get())) {
            return Optional.empty();
        }
        return Optional.of(query.withSubject(actor.subject()));
    }
}
