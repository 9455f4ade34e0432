package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenHeader;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.VerifiedToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class ValidationPolicyTest {
    private static final TokenHeader HEADER = new TokenHeader("HS256", "k1", "JWT");

    @Test
    void aHeaderRuleRunsFirstAndItsRejectionDecides() {
        HeaderRule retiredKey = (header, now) -> "k1".equals(header.keyId())
                ? RuleVerdict.reject(ValidationCode.TOKEN_REVOKED, "the signing key k1 is revoked") : RuleVerdict.ALLOW;
        ValidationRule never = (claims, now) -> {
            throw new AssertionError("the claims stage must not run after a header rejection");
        };

        ValidationPolicy.Evaluation evaluation = new ValidationPolicy(List.of(retiredKey), List.of(never))
                .evaluate(new VerifiedToken(HEADER, good().build()), NOW);

        assertThat(evaluation.result()).isEqualTo(new ValidationResult.Rejected(ValidationCode.TOKEN_REVOKED,
                "the signing key k1 is revoked"));
        assertThat(evaluation.events()).isEmpty();
    }

    @Test
    void aRejectionImpliesOnlyItsOwnEventNotTheWarningsBeforeIt() {
        ValidationPolicy policy = new ValidationPolicy(List.of(), List.of(new JtiRule(false),
                new EnvironmentRule(true, "production")));

        ValidationPolicy.Evaluation evaluation = policy.evaluate(new VerifiedToken(HEADER,
                good().jti(null).environment("staging").build()), NOW);

        assertThat(evaluation.result().isValid()).isFalse();
        assertThat(evaluation.events()).extracting(e -> e.type()).containsExactly(SecurityEventType.TOKEN_ENVIRONMENT_MISMATCH);
    }

    @Test
    void aValidTokenCarriesItsWarningsAndTheirEventsInRuleOrder() {
        ValidationPolicy policy = new ValidationPolicy(List.of(), List.of(new JtiRule(false)));

        ValidationPolicy.Evaluation evaluation = policy.evaluate(new VerifiedToken(HEADER, good().jti(null).build()), NOW);

        assertThat(evaluation.result().isValid()).isTrue();
        assertThat(evaluation.events()).extracting(e -> e.type()).containsExactly(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED);
        assertThat(policy.evaluate(new VerifiedToken(HEADER, good().build()), NOW).events()).isEmpty();
    }
}
