package io.tokenlife.domain.service;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.policy.ValidationPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates a token: the verifier checks shape, algorithm and signature (and may answer from its
 * cache), then the policy runs every time-dependent and state-dependent rule. No database round trip.
 */
public final class ValidateTokenService implements ValidateTokenUseCase {
    private final TokenVerifier verifier;
    private final ValidationPolicy policy;
    private final IssuedTokenStore registry;
    private final SecurityEvents events;
    private final Clock clock;

    public ValidateTokenService(TokenVerifier verifier, ValidationPolicy policy, IssuedTokenStore registry,
                                SecurityEvents events, Clock clock) {
        this.verifier = verifier;
        this.policy = policy;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ValidationResult validate(String token) {
        Verification verification = verifier.verify(token);
        if (verification instanceof Verification.Refused refused) {
            return new ValidationResult.Rejected(refused.code(), refused.detail());
        }
        Verification.Verified verified = (Verification.Verified) verification;
        Instant now = clock.instant();
        ValidationResult result = policy.evaluate(verified.token(), now);
        report(result, verified.token().claims());
        if (result instanceof ValidationResult.Valid && verified.token().claims().hasJti()) {
            registry.touch(verified.token().claims().jti(), now);
        }
        return result;
    }

    private void report(ValidationResult result, TokenClaims claims) {
        if (result instanceof ValidationResult.Valid valid) {
            if (valid.warnings().contains(ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED)) {
                events.emit(SecurityEvent.warn(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED,
                        "token without jti accepted (REQUIRE_JTI=false)", fields(claims)));
            }
            if (valid.platformAdmin()) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("user_id", claims.subject());
                fields.put("jti", claims.jti());
                events.emit(SecurityEvent.info(SecurityEventType.PLATFORM_ADMIN_AUTH,
                        "platform admin authenticated through the configuration bootstrap", fields));
            }
            return;
        }
        ValidationResult.Rejected rejected = (ValidationResult.Rejected) result;
        switch (rejected.code()) {
            case TOKEN_ENVIRONMENT_MISMATCH: {
                Map<String, String> fields = fields(claims);
                fields.put("token_env", claims.environment());
                events.emit(SecurityEvent.warn(SecurityEventType.TOKEN_ENVIRONMENT_MISMATCH, rejected.detail(), fields));
                break;
            }
            case TOKEN_REVOKED:
                events.emit(SecurityEvent.warn(SecurityEventType.TOKEN_REVOKED_PRESENTED, rejected.detail(), fields(claims)));
                break;
            case USER_NOT_FOUND:
            case USER_DISABLED:
                events.emit(SecurityEvent.warn(SecurityEventType.USER_NOT_FOUND_REJECTED, rejected.detail(), fields(claims)));
                break;
            default:
                break;
        }
    }

    private static Map<String, String> fields(TokenClaims claims) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", claims.subject());
        fields.put("jti", claims.jti());
        fields.put("iss", claims.issuer());
        return fields;
    }
}
