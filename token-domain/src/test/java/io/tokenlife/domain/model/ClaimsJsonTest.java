package io.tokenlife.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsJsonTest {
    private static final Instant IAT = Instant.parse("2026-01-01T10:00:00.900Z");

    @Test
    void registeredClaimsComeInTheirOrderWithTimesInSecondsThenTheExtraClaimsByName() {
        TokenClaims claims = TokenClaims.builder().issuer("iss-1").audience("aud-1").subject("a@example.com")
                .issuedAt(IAT).expiresAt(IAT.plusSeconds(60)).jti("j1").tokenUse(TokenUse.API).scope("read")
                .environment("staging").extra(Map.of("zeta", 1L, "alpha", true, "mid", "x")).build();

        Map<String, Object> json = ClaimsJson.of(claims);

        assertThat(json.keySet()).containsExactly("iss", "aud", "sub", "iat", "exp", "jti", "token_use", "scope", "env",
                "alpha", "mid", "zeta");
        assertThat(json).containsEntry("aud", "aud-1").containsEntry("iat", 1767261600L)
                .containsEntry("exp", 1767261660L).containsEntry("token_use", "api").containsEntry("alpha", true);
    }

    @Test
    void anAbsentClaimIsLeftOutAndSeveralAudiencesAreAnArray() {
        TokenClaims claims = TokenClaims.builder().audience(List.of("a", "b")).build();

        assertThat(ClaimsJson.of(claims)).containsOnlyKeys("aud").containsEntry("aud", List.of("a", "b"));
        assertThat(ClaimsJson.audience(TokenClaims.builder().build())).isNull();
    }
}
