package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every case of Wycheproof's json_web_signature_test.json and json_web_key_test.json (copies in
 * src/test/resources/wycheproof, with their licence and origin) run against the real
 * verifier, with the expected verdict. A group's key goes through the same {@link KeyRules} as our own keys
 * (a key the rules refuse makes every case of its group "rejected"), then into a verification-only
 * {@link KeyRing} whose algorithm is the key's {@code alg}. The vectors' payloads are not JWT claims
 * ("foo", RFC 7520's Frodo text), so the JWS layer runs with an opaque payload reader; a second pass runs
 * every vector through the full JWT verifier and checks that it refuses every invalid one too.
 */
class WycheproofTest {
    /** Cases we do not judge by the vector's verdict, and why. The test fails if this list and reality differ. */
    private static final Map<String, String> SKIPPED = new TreeMap<>(Map.of(
            "jws#346", "RFC 7520 figure 20 is signed PS384 with a JWK whose alg says PS256: we bind the algorithm to the key, so PS384 is not allowed",
            "jws#350", "same as jws#346 (RFC 7520 figure 20, key_ops variant)",
            "jws#347", "RFC 7520 figure 27's JWK says alg 'ES521', which is not a JOSE algorithm: our key rules refuse the key",
            "jws#351", "same as jws#347 (RFC 7520 figure 27, key_ops variant)",
            "jws#367", "'invalidBase64Padding' is byte-for-byte the token of valid case 357: the two verdicts contradict",
            "jws#370", "'invalidBase64PaddingInPayload' is byte-for-byte the token of valid case 357: the two verdicts contradict",
            "jws#372", "expects a lenient decoder that drops a '?' inside the header; we refuse any non-base64url character (RFC 7515 section 2)",
            "jws#373", "expects a lenient decoder that drops a '?' inside the payload; we refuse any non-base64url character (RFC 7515 section 2)"));

    private record Outcome(String id, String comment, boolean expectedValid, boolean accepted, boolean jwtVerifierRefused) {
    }

    @Test
    void every_applicable_wycheproof_case_gets_the_expected_verdict() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.addAll(run("jws", vectors("json_web_signature_test.json")));
        outcomes.addAll(run("jwk", vectors("json_web_key_test.json")));

        List<String> skippedSeen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int judged = 0;
        for (Outcome o : outcomes) {
            if (SKIPPED.containsKey(o.id())) {
                skippedSeen.add(o.id());
                continue;
            }
            judged++;
            if (o.expectedValid() != o.accepted()) {
                wrong.add(o.id() + " (" + o.comment() + "): expected " + (o.expectedValid() ? "valid" : "invalid"));
            }
            if (!o.expectedValid() && !o.jwtVerifierRefused()) {
                wrong.add(o.id() + " (" + o.comment() + "): the JWT verifier accepted an invalid vector");
            }
        }
        System.err.println("Wycheproof: " + outcomes.size() + " cases, " + judged + " judged, " + skippedSeen.size() + " skipped:");
        SKIPPED.forEach((id, why) -> System.err.println("  skipped " + id + ": " + why));

        assertThat(outcomes).hasSize(401 + 26);
        assertThat(wrong).as("cases with the wrong verdict").isEmpty();
        assertThat(skippedSeen).as("the skip list matches the allow-list exactly").containsExactlyInAnyOrderElementsOf(SKIPPED.keySet());
        assertThat(outcomes.stream().filter(o -> o.expectedValid() && o.accepted())).as("valid cases accepted").hasSizeGreaterThan(30);
    }

    /** A vector file copied into this module's test resources (origin and licence: wycheproof/README.md there). */
    static String vectors(String name) throws IOException {
        String resource = "/wycheproof/" + name;
        try (InputStream in = WycheproofTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fail("Wycheproof vectors not on the test classpath: " + resource + " (src/test/resources" + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Outcome> run(String prefix, String json) throws Exception {
        Map<String, Object> root = JSONObjectUtils.parse(json);
        List<Outcome> outcomes = new ArrayList<>();
        for (Object g : (List<Object>) root.get("testGroups")) {
            Map<String, Object> group = (Map<String, Object>) g;
            Map<String, Object> keySource = (Map<String, Object>) (group.get("public") != null ? group.get("public") : group.get("private"));
            List<Map<String, Object>> tests = (List<Map<String, Object>>) (List<?>) group.get("tests");
            Optional<KeyRing> ring = ring(keySource, tests);
            for (Map<String, Object> test : tests) {
                Object jws = test.get("jws");
                String token = jws instanceof String ? (String) jws : JSONObjectUtils.toJSONString((Map<String, Object>) jws);
                boolean accepted = false;
                boolean jwtRefused = true;
                if (ring.isPresent()) {
                    try {
                        new CompactJwsVerifier(ring.get()).verify(token, payload -> payload);
                        accepted = true;
                    } catch (Refusal refused) {
                        accepted = false;
                    }
                    jwtRefused = new NimbusTokenVerifier(ring.get()).verify(token) instanceof Verification.Refused;
                }
                String id = prefix + "#" + ((Number) test.get("tcId")).intValue();
                outcomes.add(new Outcome(id, (String) test.get("comment"), "valid".equals(test.get("result")), accepted, jwtRefused));
            }
        }
        return outcomes;
    }

    /** The group's key(s) in a verification-only ring, or empty when our key rules refuse them. */
    @SuppressWarnings("unchecked")
    private static Optional<KeyRing> ring(Map<String, Object> keySource, List<Map<String, Object>> tests) {
        List<Map<String, Object>> jwks = keySource.containsKey("keys")
                ? (List<Map<String, Object>>) (List<?>) keySource.get("keys") : List.of(keySource);
        try {
            SigningAlgorithm algorithm = algorithm(jwks.get(0), tests);
            List<RingKey> keys = new ArrayList<>();
            for (Map<String, Object> json : jwks) {
                JWK jwk = JWK.parse(json);
                String kid = jwk.getKeyID() != null ? jwk.getKeyID()
                        : jwk instanceof OctetSequenceKey ? Keys.hmacKid(((OctetSequenceKey) jwk).toByteArray()) : Keys.thumbprintKid(jwk);
                keys.add(RingKey.of(kid, algorithm, jwk));
            }
            return Optional.of(KeyRing.verificationOnly(algorithm, keys));
        } catch (java.text.ParseException | IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    /** The key's alg; a key without one is tried with the algorithm its tokens claim (the key rules still apply). */
    private static SigningAlgorithm algorithm(Map<String, Object> jwk, List<Map<String, Object>> tests) throws java.text.ParseException {
        Object alg = jwk.get("alg");
        if (alg == null) {
            String token = (String) tests.get(0).get("jws");
            String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
            alg = JSONObjectUtils.parse(header).get("alg");
        }
        String name = (String) alg;
        return SigningAlgorithm.fromJoseName(name)
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an algorithm we verify"));
    }
}
