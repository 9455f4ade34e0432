package io.tokenlife.app.http.oauth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.Credential;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.IdentityMemo;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.FamilyView;
import io.tokenlife.domain.port.in.FindFamilyQuery;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7009 revocation for bearer-authenticated callers, RFC 7662 introspection for admins and resource
 * servers (tokens with the {@code tokens:introspect} scope).
 *
 * <p>Revocation answers 200 whatever the token: unknown, invalid, expired, already revoked — and also
 * someone else's token, which a non-admin caller may not revoke (the domain decides, by the token's own
 * subject). RFC 7009 §2.2 lets the server answer 200 when there is nothing to revoke, and answering the
 * same for a token that is not the caller's reveals nothing about it; that token stays valid.
 */
public final class OAuthEndpoints implements Endpoints {
    private final ValidateTokenUseCase validate;
    private final RevokeTokenUseCase revoke;
    private final ManageFamiliesUseCase families;
    /**
     * An active token's answer is a function of its claims alone, and the verified-token cache hands out the
     * same claims for a repeated token: its JSON is written once per claims, not per request (a resource server
     * introspects the same tokens over and over). Only looked up after the token was validated in full on this
     * request; an inactive token never gets here.
     */
    private final IdentityMemo<TokenClaims, Responses.WrittenByHand> activeAnswers = new IdentityMemo<>(claims -> {
        byte[] json = activeAnswer(claims).jsonBytes();
        return () -> json;
    });

    public OAuthEndpoints(ValidateTokenUseCase validate, RevokeTokenUseCase revoke, ManageFamiliesUseCase families) {
        this.validate = validate;
        this.revoke = revoke;
        this.families = families;
    }

    @Override
    public void declare(RoutesConfig routes) {
        // form routes: a cross-site HTML form could post them with the browser's cookie, so only the header counts
        routes.post("/oauth2/revoke", this::revoke, Access.BEARER, Credential.HEADER_ONLY);
        routes.post("/oauth2/introspect", this::introspect, Access.BEARER, Credential.HEADER_ONLY);
    }

    /**
     * {@code POST /oauth2/revoke} with form fields {@code token} and optional {@code token_type_hint}. A
     * refresh token (told from a JWT by its shape, whatever the hint says) ends its family, its access
     * tokens included (RFC 7009 §2.1).
     */
    private void revoke(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        String token = tokenField(RequestBody.form(ctx));
        if (isRefreshToken(token)) {
            RevokeFamilyResult revoked = families.revoke(new RevokeFamilyCommand(caller.actor(),
                    new FamilyRef.ByRefreshToken(token), Optional.of("oauth2_revoke")));
            if (revoked instanceof Invalid invalid) {
                throw ApiException.invalid(invalid);
            }
            ctx.status(200).header("Cache-Control", "no-store");
            Responses.json(ctx, Map.of());
            return;
        }
        ValidationResult result = validate.validate(token);
        if (result instanceof ValidationResult.Valid valid && valid.claims().hasJti()) {
            TokenClaims claims = valid.claims();
            RevokeTokenResult revoked = revoke.revoke(RevokeTokenCommand.presented(caller.actor(), claims.jti(),
                    claims.subject(), "oauth2_revoke"));
            if (revoked instanceof Invalid invalid) {
                throw ApiException.invalid(invalid);
            }
        }
        ctx.status(200).header("Cache-Control", "no-store");
        Responses.json(ctx, Map.of());
    }

    /**
     * {@code POST /oauth2/introspect} with form field {@code token}: for admins and for tokens carrying the
     * {@code tokens:introspect} scope (RFC 7662 §2.1 expects a protected resource, not any bearer). A refresh token is
     * active while it can be exchanged; a caller learns of its own refresh tokens only (an admin: of any).
     */
    private void introspect(Context ctx) {
        if (!TokenAccessPolicy.mayIntrospect(Authenticator.caller(ctx))) {
            throw ApiException.forbidden("introspection needs an admin's token or a token with the scope '"
                    + TokenAccessPolicy.INTROSPECT_SCOPE + "'");
        }
        String token = tokenField(RequestBody.form(ctx));
        // Cache-Control: no-store is already set, as on every protected route (Authenticator)
        if (isRefreshToken(token)) {
            Responses.json(ctx, introspectRefresh(Authenticator.caller(ctx), token));
            return;
        }
        ValidationResult result = validate.validate(token);
        if (!(result instanceof ValidationResult.Valid valid)) {
            Responses.json(ctx, Introspection.INACTIVE);
            return;
        }
        Responses.json(ctx, activeAnswers.get(valid.claims()));
    }

    static Introspection activeAnswer(TokenClaims c) {
        return new Introspection(true, c.subject(), c.jti(), c.issuer(), ClaimsJson.audience(c),
                ClaimsJson.epochSeconds(c.expiresAt()), ClaimsJson.epochSeconds(c.issuedAt()), c.scope(),
                c.tokenUse() == null ? null : c.tokenUse().wireName(), null, "Bearer");
    }

    private Object introspectRefresh(Caller caller, String token) {
        Optional<FamilyView> view = families.find(new FindFamilyQuery(caller.actor(), new FamilyRef.ByRefreshToken(token)))
                .filter(FamilyView::presentedActive);
        if (view.isEmpty()) {
            return Introspection.INACTIVE;
        }
        RefreshToken presented = view.get().presented().orElseThrow();
        return new Introspection(true, view.get().family().subject(), presented.id(), null, null,
                view.get().presentedUsableUntil().map(Instant::getEpochSecond).orElse(null),
                presented.issuedAt().getEpochSecond(), null, null, null, "refresh_token");
    }

    /** A JWT has three dot-separated parts; our refresh tokens have none. */
    static boolean isRefreshToken(String token) {
        return token.indexOf('.') < 0;
    }

    private static String tokenField(Map<String, String> form) {
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            throw ApiException.invalidRequest("the form field 'token' is required");
        }
        return token.trim();
    }
}
