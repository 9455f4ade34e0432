package io.tokenlife.domain.model;

import java.util.Objects;

/**
 * Who presents a valid token: its subject, whether it is an admin, and whether the token is an API token
 * (which cannot create or manage tokens). What the caller may do with tokens is decided in the domain
 * (TokenAccessPolicy) for the {@link #actor()} of a command.
 */
public record Caller(String subject, String jti, TokenUse tokenUse, boolean admin, boolean platformAdmin) {
    /** The claim carrying admin rights in tokens the platform issues to admins. */
    public static final String ADMIN_CLAIM = "is_admin";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        subject = Subjects.normalize(subject);
    }

    public static Caller of(ValidationResult.Valid valid) {
        TokenClaims claims = valid.claims();
        boolean admin = valid.platformAdmin() || Boolean.TRUE.equals(claims.extra().get(ADMIN_CLAIM));
        String subject = claims.subject() == null ? "" : claims.subject();
        return new Caller(subject, claims.jti(), claims.tokenUse(), admin, valid.platformAdmin());
    }

    public boolean isApiToken() {
        return tokenUse == TokenUse.API;
    }

    /** Session tokens (and tokens without token_use, e.g. legacy) may manage tokens; API tokens may not. */
    public boolean canManageTokens() {
        return !isApiToken();
    }

    /** This caller as the actor of a command. */
    public Actor actor() {
        return new Actor(subject, admin, isApiToken() ? Actor.Kind.API_TOKEN : Actor.Kind.SESSION_TOKEN);
    }
}
