package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.ValidationCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.code;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class IssuerAndAudienceRuleTest {
    @Test
    void theIssuerMustBeOursUnlessTheCheckIsOff() {
        IssuerRule rule = new IssuerRule(true, "mcpgateway");

        assertThat(rule.check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
        RuleVerdict other = rule.check(good().issuer("elsewhere").build(), NOW);
        assertThat(code(other)).isEqualTo(ValidationCode.TOKEN_ISSUER_INVALID);
        assertThat(((RuleVerdict.Reject) other).detail()).isEqualTo("the token's issuer 'elsewhere' is not 'mcpgateway'");
        assertThat(((RuleVerdict.Reject) rule.check(good().issuer(null).build(), NOW)).detail()).contains("(none)");
        assertThat(new IssuerRule(false, "mcpgateway").check(good().issuer("elsewhere").build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }

    @Test
    void theAudienceMustNameUsUnlessTheCheckIsOff() {
        AudienceRule rule = new AudienceRule(true, "mcpgateway-api");

        assertThat(rule.check(good().audience(List.of("x", "mcpgateway-api")).build(), NOW)).isSameAs(RuleVerdict.ALLOW);
        assertThat(code(rule.check(good().audience("x").build(), NOW))).isEqualTo(ValidationCode.TOKEN_AUDIENCE_INVALID);
        assertThat(new AudienceRule(false, "mcpgateway-api").check(good().audience("x").build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }
}
