package io.tokenlife.app.http.handler;

import io.javalin.http.Context;
import io.tokenlife.app.http.dto.Introspection;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.util.Map;

/**
 * RFC 7009 revocation for bearer-authenticated callers, RFC 7662 introspection for admins and resource
 * servers (tokens with the {@code tokens:introspect} scope).
 *
 * <p>Revocation answers 200 whatever the token: unknown, invalid, expired, already revoked — and also
 * someone else's token, which a non-admin caller may not revoke (the domain decides, by the token's own
 * subject). RFC 7009 §2.2 lets the server answer 200 when there is nothing to revoke, and answering the
 * same for a token that is not the caller's reveals nothing about it; that token stays valid.
 */
public final class OAuthHandler {
    private final ValidateTokenUseCase validate;
    private final RevokeTokenUseCase revoke;

    public OAuthHandler(ValidateTokenUseCase validate, RevokeTokenUseCase revoke) {
        this.validate = validate;
        this.revoke = revoke;
    }

    /** {@code POST /oauth2/revoke} with form fields {@code token} and optional {@code token_type_hint}. */
    public void revoke(Context ctx) {
        Caller caller = Authenticator.caller(ctx);
        String token = tokenField(RequestBody.form(ctx));
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
     * {@code tokens:introspect} scope (RFC 7662 §2.1 expects a protected resource, not any bearer).
     */
    public void introspect(Context ctx) {
        if (!TokenAccessPolicy.mayIntrospect(Authenticator.caller(ctx))) {
            throw ApiException.forbidden("introspection needs an admin's token or a token with the scope '"
                    + TokenAccessPolicy.INTROSPECT_SCOPE + "'");
        }
        String token = tokenField(RequestBody.form(ctx));
        ValidationResult result = validate.validate(token);
        ctx.header("Cache-Control", "no-store");
        if (!(result instanceof ValidationResult.Valid valid)) {
            Responses.json(ctx, Introspection.INACTIVE);
            return;
        }
        TokenClaims c = valid.claims();
        Responses.json(ctx, new Introspection(true, c.subject(), c.jti(), c.issuer(), ClaimsJson.audience(c),
                ClaimsJson.epochSeconds(c.expiresAt()), ClaimsJson.epochSeconds(c.issuedAt()), c.scope(),
                c.tokenUse() == null ? null : c.tokenUse().wireName(), null, "Bearer"));
    }

    private static String tokenField(Map<String, String> form) {
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            throw ApiException.invalidRequest("the form field 'token' is required");
        }
        return token.trim();
    }
}
