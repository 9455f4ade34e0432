package io.tokenlife.app.http.handler;

import io.javalin.http.Context;
import io.tokenlife.app.http.dto.VerifyResponse;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /tokens/verify}: the full validation policy for operators (admin). */
public final class VerifyHandler {
    private final ValidateTokenUseCase validate;

    public VerifyHandler(ValidateTokenUseCase validate) {
        this.validate = validate;
    }

    public void verify(Context ctx) {
        String token = RequestBody.json(ctx, false, Set.of("token")).requiredString("token").trim();
        ValidationResult result = validate.validate(token);
        ctx.header("Cache-Control", "no-store");
        if (result instanceof ValidationResult.Rejected rejected) {
            Responses.json(ctx, new VerifyResponse(false, rejected.code().wireName(), rejected.detail(), null, List.of()));
            return;
        }
        ValidationResult.Valid valid = (ValidationResult.Valid) result;
        Responses.json(ctx, new VerifyResponse(true, null, null, claims(valid.claims()),
                valid.warnings().stream().map(ValidationWarning::wireName).toList()));
    }

    /** The claims as they are in the token: times in seconds since the epoch. */
    static Map<String, Object> claims(TokenClaims c) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "iss", c.issuer());
        if (!c.audience().isEmpty()) {
            map.put("aud", c.audience().size() == 1 ? c.audience().get(0) : c.audience());
        }
        putIfPresent(map, "sub", c.subject());
        putIfPresent(map, "iat", epoch(c.issuedAt()));
        putIfPresent(map, "nbf", epoch(c.notBefore()));
        putIfPresent(map, "exp", epoch(c.expiresAt()));
        putIfPresent(map, "jti", c.jti());
        putIfPresent(map, "token_use", c.tokenUse() == null ? null : c.tokenUse().wireName());
        putIfPresent(map, "scope", c.scope());
        putIfPresent(map, "env", c.environment());
        map.putAll(c.extra());
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Long epoch(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
