package io.tokenlife.domain.service;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.policy.validation.ValidationPolicy;

import java.time.Clock;
import java.time.Instant;

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
        ValidationPolicy.Evaluation evaluation = policy.evaluate(verified.token(), now);
        // each event was declared by the rule whose verdict implies it
        for (SecurityEvent event : evaluation.events()) {
            events.emit(event);
        }
        ValidationResult result = evaluation.result();
        if (result instanceof ValidationResult.Valid && verified.token().claims().hasJti()) {
            registry.touch(verified.token().claims().jti(), now);
        }
        return result;
    }
}
