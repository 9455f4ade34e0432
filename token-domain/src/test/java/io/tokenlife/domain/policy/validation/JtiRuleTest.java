package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationWarning;
import org.junit.jupiter.api.Test;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.code;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class JtiRuleTest {
    @Test
    void withoutRequireJtiATokenWithoutOneIsAllowedWithAWarningAndItsEvent() {
        RuleVerdict verdict = new JtiRule(false).check(good().jti(null).build(), NOW);

        assertThat(verdict).isInstanceOf(RuleVerdict.AllowWithWarning.class);
        assertThat(((RuleVerdict.AllowWithWarning) verdict).warning()).isEqualTo(ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED);
        SecurityEvent event = verdict.event().orElseThrow().describe(good().jti(null).build(), "");
        assertThat(event.type()).isEqualTo(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED);
        assertThat(event.level()).isEqualTo(SecurityEvent.Level.WARN);
        assertThat(event.message()).isEqualTo("token without jti accepted (REQUIRE_JTI=false)");
        assertThat(event.fields()).containsEntry("subject", "alice@example.com").containsKey("jti").containsEntry("iss", "mcpgateway");
    }

    @Test
    void withRequireJtiItIsRefusedAndATokenWithOneIsAllowedEitherWay() {
        assertThat(code(new JtiRule(true).check(good().jti(" ").build(), NOW))).isEqualTo(ValidationCode.TOKEN_MISSING_JTI);
        assertThat(new JtiRule(true).check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
        assertThat(new JtiRule(false).check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }
}
