package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.ValidationCode;
import org.junit.jupiter.api.Test;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.code;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentRuleTest {
    private final EnvironmentRule rule = new EnvironmentRule(true, "production");

    @Test
    void aMismatchIsRefusedAndImpliesItsEventNamingTheTokensEnvironment() {
        TokenClaims staging = good().environment("staging").build();

        RuleVerdict verdict = rule.check(staging, NOW);

        assertThat(code(verdict)).isEqualTo(ValidationCode.TOKEN_ENVIRONMENT_MISMATCH);
        SecurityEvent event = verdict.event().orElseThrow().describe(staging, ((RuleVerdict.Reject) verdict).detail());
        assertThat(event.type()).isEqualTo(SecurityEventType.TOKEN_ENVIRONMENT_MISMATCH);
        assertThat(event.message()).isEqualTo("the token was issued for environment 'staging', this is 'production'");
        assertThat(event.fields()).containsOnlyKeys("subject", "jti", "iss", "token_env").containsEntry("token_env", "staging");
    }

    @Test
    void aMatchingOrMissingEnvironmentIsAllowedAndTheCheckCanBeOff() {
        assertThat(rule.check(good().environment("production").build(), NOW)).isSameAs(RuleVerdict.ALLOW);
        assertThat(rule.check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
        assertThat(new EnvironmentRule(false, "production").check(good().environment("staging").build(), NOW))
                .isSameAs(RuleVerdict.ALLOW);
    }
}
