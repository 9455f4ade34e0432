package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.revocation.GlobalCutoff;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.RevocationIndex;
import org.junit.jupiter.api.Test;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.code;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class RevocationRuleTest {
    private final RevocationIndex index = RevocationIndex.standalone();
    private final RevocationRule rule = new RevocationRule(index);

    @Test
    void aTokenNoKindRevokesIsAllowed() {
        assertThat(rule.check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }

    @Test
    void aRevokedTokenIsRefusedWithTheKindsOwnDetailAndTheRevokedPresentedEvent() {
        index.apply(new JtiRevocations.Revoked("j1", Long.MAX_VALUE));

        RuleVerdict verdict = rule.check(good().build(), NOW);

        assertThat(code(verdict)).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(((RuleVerdict.Reject) verdict).detail()).isEqualTo(JtiRevocations.REVOKED.detail());
        assertThat(verdict.event().orElseThrow().type()).isEqualTo(SecurityEventType.TOKEN_REVOKED_PRESENTED);
        assertThat(rule.check(good().jti("j2").build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }

    @Test
    void aCutoffRevokesWithItsOwnSentence() {
        index.apply(new GlobalCutoff.Cutoff(NOW.toEpochMilli()));

        assertThat(((RuleVerdict.Reject) rule.check(good().jti("other").build(), NOW)).detail())
                .isEqualTo("every token issued before a platform-wide revoke-all has been revoked");
    }
}
