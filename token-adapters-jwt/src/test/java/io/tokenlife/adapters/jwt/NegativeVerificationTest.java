package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each case asserts the exact code of the first failed check (steps 1–3 of docs/explanation/token-lifecycle.md). */
class NegativeVerificationTest {
    private static final Clock CLOCK = Clock.fixed(JwtTestKit.NOW, ZoneOffset.UTC);
    private static JwtAdapters hs256;
    private static JwtAdapters rs256;
    private static JwtAdapters es256;

    @BeforeAll
    static void keys() {
        hs256 = JwtAdapters.create(JwtTestKit.settings(SigningAlgorithm.HS256, "VERIFIED_TOKEN_CACHE_SIZE", "0"), CLOCK);
        rs256 = JwtAdapters.create(JwtTestKit.settings(SigningAlgorithm.RS256, "VERIFIED_TOKEN_CACHE_SIZE", "0"), CLOCK);
        es256 = JwtAdapters.create(JwtTestKit.settings(SigningAlgorithm.ES256, "VERIFIED_TOKEN_CACHE_SIZE", "0"), CLOCK);
    }

    private static String claimsJson() {
        return "{\"iss\":\"mcpgateway\",\"aud\":\"mcpgateway-api\",\"sub\":\"alice@example.com\",\"iat\":1767261600,"
                + "\"exp\":1767262800,\"jti\":\"j1\",\"token_use\":\"session\"}";
    }

    private static String b64(String s) {
        return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A token with this raw header and payload, HMAC-signed with the configured HS256 secret. */
    private static String hs256Token(String headerJson, String payloadJson) throws Exception {
        String input = b64(headerJson) + "." + b64(payloadJson);
        Base64URL sig = new MACSigner(JwtTestKit.HS256_SECRET.getBytes(StandardCharsets.UTF_8))
                .sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + sig;
    }

    private static String kidHeader(String extra) {
        return "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + hs256.currentKeyId() + "\"" + extra + "}";
    }

    private static void assertRefused(TokenVerifier verifier, String token, ValidationCode code) {
        Verification v = verifier.verify(token);
        assertThat(v).isInstanceOf(Verification.Refused.class);
        Verification.Refused refused = (Verification.Refused) v;
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.detail()).isNotBlank();
        if (token != null && token.length() > 20) {
            assertThat(refused.detail()).doesNotContain(token);
        }
    }

    @Test
    void the_helper_makes_tokens_that_verify_so_each_negative_case_changes_one_thing() throws Exception {
        assertThat(hs256.verifier().verify(hs256Token(kidHeader(""), claimsJson()))).isInstanceOf(Verification.Verified.class);
        assertThat(hs256.verifier().verify(hs256Token("{\"alg\":\"HS256\"}", claimsJson()))).isInstanceOf(Verification.Verified.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void alg_none_in_any_spelling_is_not_allowed(String none) {
        String token = b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + b64(claimsJson()) + ".";
        assertRefused(hs256.verifier(), token, ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
        String withSig = b64("{\"alg\":\"" + none + "\"}") + "." + b64(claimsJson()) + "." + b64("x");
        assertRefused(hs256.verifier(), withSig, ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void another_algorithm_than_the_configured_one_is_not_allowed_even_with_a_valid_signature() throws Exception {
        String hs384 = b64("{\"alg\":\"HS384\"}") + "." + b64(claimsJson());
        Base64URL sig = new MACSigner((JwtTestKit.HS256_SECRET + "0123456789abcdef").getBytes(StandardCharsets.UTF_8))
                .sign(new JWSHeader(JWSAlgorithm.HS384), hs384.getBytes(StandardCharsets.US_ASCII));
        assertRefused(hs256.verifier(), hs384 + "." + sig, ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
        assertRefused(hs256.verifier(), hs256Token("{\"alg\":\"hs256\"}", claimsJson()), ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
        assertRefused(rs256.verifier(), hs256.signer().sign(JwtTestKit.claims("x")), ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
        assertRefused(hs256.verifier(), hs256Token("{\"typ\":\"JWT\"}", claimsJson()), ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void an_hs256_token_keyed_with_the_rsa_public_key_never_verifies() throws Exception {
        byte[] pem = Files.readAllBytes(JwtTestKit.pemFiles(SigningAlgorithm.RS256)[1]);
        byte[] der = Pem.publicKey(new String(pem, StandardCharsets.US_ASCII), SigningAlgorithm.RS256).getEncoded();
        String kid = rs256.currentKeyId();
        for (byte[] secret : List.of(pem, der)) {
            for (String header : List.of("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}", "{\"alg\":\"HS256\"}")) {
                String input = b64(header) + "." + b64(claimsJson());
                Base64URL sig = new MACSigner(secret).sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
                assertRefused(rs256.verifier(), input + "." + sig, ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
            }
        }
    }

    @Test
    void keys_offered_in_the_header_are_never_used() throws Exception {
        RSAKey attackerRsa = new RSAKeyGenerator(2048).keyID(rs256.currentKeyId()).generate();
        ECKey attackerEc = new ECKeyGenerator(Curve.P_256).keyID(es256.currentKeyId()).generate();
        JWSHeader embeddedJwk = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .jwk(attackerRsa.toPublicJWK()).build();
        JWSHeader withKidAndJwk = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rs256.currentKeyId())
                .jwk(attackerRsa.toPublicJWK()).build();
        JWSHeader jku = new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(URI.create("https://attacker.example/jwks.json")).build();
        JWSHeader x5u = new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertURL(URI.create("https://attacker.example/cert.pem")).build();
        JWSHeader x5c = new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(List.of(Base64.encode(new byte[]{1, 2, 3}))).build();
        for (JWSHeader header : List.of(embeddedJwk, withKidAndJwk, jku, x5u, x5c)) {
            JWSObject jws = new JWSObject(header, new Payload(claimsJson()));
            jws.sign(new RSASSASigner(attackerRsa));
            assertRefused(rs256.verifier(), jws.serialize(), ValidationCode.TOKEN_SIGNATURE_INVALID);
        }
        JWSObject ec = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).jwk(attackerEc.toPublicJWK()).build(),
                new Payload(claimsJson()));
        ec.sign(new ECDSASigner(attackerEc));
        assertRefused(es256.verifier(), ec.serialize(), ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void an_unknown_critical_header_is_not_allowed() throws Exception {
        assertRefused(hs256.verifier(), hs256Token(kidHeader(",\"crit\":[\"exp\"],\"exp\":1"), claimsJson()),
                ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
        assertRefused(hs256.verifier(), hs256Token(kidHeader(",\"crit\":[\"b64\"],\"b64\":false"), claimsJson()),
                ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void a_token_longer_than_8_kib_is_malformed_before_any_parsing() throws Exception {
        String big = hs256Token(kidHeader(""), "{\"sub\":\"a\",\"pad\":\"" + "x".repeat(8200) + "\"}");
        assertRefused(hs256.verifier(), big, ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), "!".repeat(8193), ValidationCode.TOKEN_MALFORMED);
        assertThat(((Verification.Refused) hs256.verifier().verify("!".repeat(8193))).detail()).contains("longer than 8192");
    }

    @Test
    void shapes_other_than_three_base64url_json_parts_are_malformed() throws Exception {
        String valid = hs256Token(kidHeader(""), claimsJson());
        String[] p = valid.split("\\.");
        assertRefused(hs256.verifier(), p[0] + "." + p[1], ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), valid + ".", ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), valid + "." + p[2], ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), "", ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), null, ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), p[0] + "=." + p[1] + "." + p[2], ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), p[0] + "." + p[1] + "*." + p[2], ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), p[0] + "." + p[1] + "." + p[2] + "+", ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), p[0] + " ." + p[1] + "." + p[2], ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), b64("not json") + "." + p[1] + "." + p[2], ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), hs256Token("[\"alg\",\"HS256\"]", claimsJson()), ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), hs256Token(kidHeader(""), "not json"), ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), hs256Token(kidHeader(""), "\"a string\""), ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), hs256Token("{\"alg\":\"HS256\",\"kid\":7}", claimsJson()), ValidationCode.TOKEN_MALFORMED);
        assertRefused(hs256.verifier(), hs256Token("{\"alg\":256}", claimsJson()), ValidationCode.TOKEN_MALFORMED);
    }

    @Test
    void a_payload_tampered_after_signing_fails_the_signature() {
        String token = hs256.signer().sign(JwtTestKit.claims("j1"));
        String[] p = token.split("\\.");
        String forged = p[0] + "." + b64(claimsJson().replace("alice", "mallory")) + "." + p[2];
        assertRefused(hs256.verifier(), forged, ValidationCode.TOKEN_SIGNATURE_INVALID);
        String rsToken = rs256.signer().sign(JwtTestKit.claims("j1"));
        String[] q = rsToken.split("\\.");
        assertRefused(rs256.verifier(), q[0] + "." + b64(claimsJson()) + "." + q[2], ValidationCode.TOKEN_SIGNATURE_INVALID);
        assertRefused(rs256.verifier(), q[0] + "." + q[1] + ".", ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void an_unknown_kid_fails_the_signature_even_if_a_ring_key_would_verify() throws Exception {
        assertRefused(hs256.verifier(), hs256Token("{\"alg\":\"HS256\",\"kid\":\"someone-else\"}", claimsJson()),
                ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void claims_of_the_wrong_type_are_malformed() throws Exception {
        Map<String, String> wrong = Map.of(
                "exp", "\"tomorrow\"", "iat", "true", "nbf", "[1]", "aud", "[\"a\",1]", "iss", "42",
                "sub", "{\"a\":1}", "jti", "null", "scope", "[\"a\"]", "token_use", "\"admin\"", "env", "1");
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            String payload = "{\"sub\":\"alice@example.com\",\"" + e.getKey() + "\":" + e.getValue() + "}";
            if (e.getKey().equals("sub")) {
                payload = "{\"sub\":" + e.getValue() + "}";
            }
            assertRefused(hs256.verifier(), hs256Token(kidHeader(""), payload), ValidationCode.TOKEN_MALFORMED);
        }
        assertRefused(hs256.verifier(), hs256Token(kidHeader(""), "{\"aud\":{\"x\":1}}"), ValidationCode.TOKEN_MALFORMED);
    }

    @Test
    void unknown_claims_are_kept_as_json_values_and_fractional_times_are_accepted() throws Exception {
        String payload = "{\"sub\":\"a\",\"exp\":1767262800.5,\"n\":1,\"f\":1.5,\"b\":true,\"o\":{\"k\":[1,null]},\"z\":null}";
        Verification v = hs256.verifier().verify(hs256Token(kidHeader(""), payload));
        assertThat(v).isInstanceOf(Verification.Verified.class);
        var claims = ((Verification.Verified) v).token().claims();
        assertThat(claims.expiresAt()).isEqualTo(java.time.Instant.parse("2026-01-01T10:20:00.500Z"));
        assertThat(claims.extra()).containsEntry("n", 1L).containsEntry("f", 1.5).containsEntry("b", true)
                .doesNotContainKey("z").containsKey("o");
        assertThat(claims.extra().get("o")).isEqualTo(Map.of("k", java.util.Arrays.asList(1L, null)));
    }
}
