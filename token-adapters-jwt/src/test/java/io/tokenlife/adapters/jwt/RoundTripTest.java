package io.tokenlife.adapters.jwt;

import com.nimbusds.jwt.SignedJWT;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {
    private static final Clock CLOCK = Clock.fixed(JwtTestKit.NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void a_token_signed_with_every_algorithm_verifies_with_the_same_claims(SigningAlgorithm algorithm) {
        JwtAdapters jwt = JwtAdapters.create(JwtTestKit.settings(algorithm), CLOCK);
        TokenClaims claims = JwtTestKit.claims("jti-" + algorithm);

        String token = jwt.signer().sign(claims);
        Verification verification = jwt.verifier().verify(token);

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        VerifiedToken verified = ((Verification.Verified) verification).token();
        assertThat(verified.claims()).isEqualTo(claims);
        assertThat(verified.header().algorithm()).isEqualTo(algorithm.joseName());
        assertThat(verified.header().type()).isEqualTo("JWT");
        assertThat(verified.header().keyId()).isEqualTo(jwt.currentKeyId()).isNotBlank();
    }

    @Test
    void the_header_and_claims_are_written_as_the_spec_says() throws Exception {
        JwtAdapters jwt = JwtAdapters.create(JwtTestKit.settings(SigningAlgorithm.HS256, "EMBED_ENVIRONMENT_IN_TOKENS", "true"), CLOCK);
        TokenClaims claims = JwtTestKit.claims("j1").withExtra(Map.of("team", "blue", "groups", List.of("a", "b")));
        claims = new TokenClaims(claims.issuer(), claims.audience(), claims.subject(), claims.issuedAt(),
                JwtTestKit.NOW, claims.expiresAt(), claims.jti(), TokenUse.API, claims.scope(), "development",
                claims.extra());

        SignedJWT signed = SignedJWT.parse(jwt.signer().sign(claims));

        assertThat(signed.getHeader().toJSONObject()).containsEntry("alg", "HS256").containsEntry("typ", "JWT")
                .containsEntry("kid", jwt.currentKeyId());
        assertThat(signed.getPayload().toJSONObject()).containsEntry("aud", "mcpgateway-api")
                .containsEntry("iat", 1767261600L).containsEntry("nbf", 1767261600L).containsEntry("exp", 1767262800L)
                .containsEntry("token_use", "api").containsEntry("env", "development")
                .containsEntry("scope", "tokens:read").containsEntry("team", "blue").containsEntry("jti", "j1");
    }

    @Test
    void several_audiences_are_written_as_an_array() throws Exception {
        JwtAdapters jwt = JwtAdapters.create(JwtTestKit.settings(SigningAlgorithm.HS256), CLOCK);
        TokenClaims claims = TokenClaims.builder().subject("a@example.com").audience(List.of("x", "y")).build();

        String token = jwt.signer().sign(claims);

        assertThat(SignedJWT.parse(token).getPayload().toJSONObject()).containsEntry("aud", List.of("x", "y"));
        assertThat(((Verification.Verified) jwt.verifier().verify(token)).token().claims().audience()).containsExactly("x", "y");
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"HS256", "RS256", "ES256", "EdDSA"})
    void an_issued_at_to_the_millisecond_is_written_as_a_decimal_and_read_back_exactly(SigningAlgorithm algorithm)
            throws Exception {
        JwtAdapters jwt = JwtAdapters.create(JwtTestKit.settings(algorithm), CLOCK);
        TokenClaims claims = TokenClaims.builder().issuer("mcpgateway").audience("mcpgateway-api")
                .subject("alice@example.com").issuedAt(JwtTestKit.NOW.plusMillis(123))
                .expiresAt(JwtTestKit.NOW.plusSeconds(1200)).jti("ms").tokenUse(TokenUse.SESSION).build();

        String token = jwt.signer().sign(claims);

        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iat\":" + JwtTestKit.NOW.getEpochSecond() + ".123")
                .contains("\"exp\":" + JwtTestKit.NOW.plusSeconds(1200).getEpochSecond() + ",");
        VerifiedToken verified = ((Verification.Verified) jwt.verifier().verify(token)).token();
        assertThat(verified.claims()).isEqualTo(claims);
    }
}
