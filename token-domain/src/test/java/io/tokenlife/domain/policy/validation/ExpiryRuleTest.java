package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.ValidationCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.code;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class ExpiryRuleTest {
    private final ExpiryRule rule = new ExpiryRule(true, Duration.ofSeconds(30));

    @Test
    void aTokenWithinItsLifetimeIsAllowed() {
        assertThat(rule.check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }

    @Test
    void expiryIsJudgedWithTheLeewayAndWithoutAnEventOfItsOwn() {
        assertThat(rule.check(good().expiresAt(NOW.minusSeconds(29)).build(), NOW)).isSameAs(RuleVerdict.ALLOW);
        RuleVerdict expired = rule.check(good().expiresAt(NOW.minusSeconds(30)).build(), NOW);
        assertThat(code(expired)).isEqualTo(ValidationCode.TOKEN_EXPIRED);
        assertThat(expired.event()).isEmpty();
    }

    @Test
    void aMissingExpIsRefusedOnlyWhenRequired() {
        assertThat(code(rule.check(good().expiresAt(null).build(), NOW))).isEqualTo(ValidationCode.TOKEN_MISSING_EXPIRATION);
        assertThat(new ExpiryRule(false, Duration.ZERO).check(good().expiresAt(null).build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }

    @Test
    void notBeforeAndIssuedAtInTheFutureBeyondTheLeewayAreNotYetValid() {
        assertThat(code(rule.check(good().notBefore(NOW.plusSeconds(31)).build(), NOW))).isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        assertThat(code(rule.check(good().issuedAt(NOW.plusSeconds(31)).build(), NOW))).isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        assertThat(rule.check(good().issuedAt(NOW.plusSeconds(30)).build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }
}
