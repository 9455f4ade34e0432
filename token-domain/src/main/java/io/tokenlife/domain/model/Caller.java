package io.tokenlife.domain.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who presents a valid token: its subject, whether it is an admin, whether the token is an API token
 * (which cannot create or manage tokens), and the scopes it carries. What the caller may do with tokens
 * is decided in the domain (TokenAccessPolicy) for the {@link #actor()} of a command.
 *
 * <p>One rule for admin rights (docs/adr/0009-http-surface-hardening.md): a <em>session</em> token of the
 * platform admin or with {@code "is_admin": true} is an admin's; an API token never is, whoever it
 * belongs to. A machine gets a capability through a dedicated scope ({@link TokenAccessPolicy#INTROSPECT_SCOPE}),
 * never through a long-lived admin credential.
 */
public record Caller(String subject, String jti, TokenUse tokenUse, boolean admin, boolean platformAdmin,
                     Set<String> scopes) {
    /** The claim carrying admin rights in tokens the platform issues to admins. */
    public static final String ADMIN_CLAIM = "is_admin";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        subject = Subjects.normalize(subject);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A caller without scopes. */
    public Caller(String subject, String jti, TokenUse tokenUse, boolean admin, boolean platformAdmin) {
        this(subject, jti, tokenUse, admin, platformAdmin, Set.of());
    }

    public static Caller of(ValidationResult.Valid valid) {
        return of(valid.claims(), valid.platformAdmin());
    }

    /** The caller presenting a valid token with these claims: a function of the claims and the admin flag alone. */
    public static Caller of(TokenClaims claims, boolean platformAdmin) {
        boolean session = claims.tokenUse() != TokenUse.API;
        boolean admin = session && (platformAdmin || Boolean.TRUE.equals(claims.extra().get(ADMIN_CLAIM)));
        String subject = claims.subject() == null ? "" : claims.subject();
        return new Caller(subject, claims.jti(), claims.tokenUse(), admin, platformAdmin, scopesOf(claims.scope()));
    }

    /** The space-separated scopes of a {@code scope} claim (RFC 6749 §3.3). */
    public static Set<String> scopesOf(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split(" +")).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isApiToken() {
        return tokenUse == TokenUse.API;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
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
