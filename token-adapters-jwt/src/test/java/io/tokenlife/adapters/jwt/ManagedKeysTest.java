package io.tokenlife.adapters.jwt;

import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.InMemorySigningKeyStore;
import io.tokenlife.domain.fakes.InMemoryTokenStore;
import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.fakes.MutableClock;
import io.tokenlife.domain.fakes.PlainPasswordHasher;
import io.tokenlife.domain.fakes.RecordingSecurityEvents;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Managed keys with real cryptography over the in-memory store: sealed at rest, loaded into the ring,
 * rotated without a rejected token, a revoked key's tokens refused as {@code token_revoked}.
 */
class ManagedKeysTest {
    private static final String SECRET = "key-encryption-secret-0123456789-abcdefghijkl";
    private static final Actor ADMIN = Actor.operator("cli:ops");

    private final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    private final InMemoryTokenStore registry = new InMemoryTokenStore();
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore(registry);

    private static TokenlifeSettings settings(String... kv) {
        Map<String, String> map = new HashMap<>(Map.of("DATABASE_URL", "jdbc:h2:mem:managed", "KEY_MANAGEMENT", "managed",
                "KEY_ENCRYPTION_SECRET", SECRET, "JWT_ALGORITHM", "ES256"));
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return TokenlifeSettings.fromMap(map);
    }

    private record Replica(JwtAdapters jwt, UseCases useCases) {
        String issue() {
            IssueTokenResult result = useCases.issueToken().issue(IssueTokenCommand.session("alice@example.com", TokenSource.CLI));
            return ((IssueTokenResult.Issued) result).token().compact();
        }

        ValidationResult validate(String token) {
            return useCases.validateToken().validate(token);
        }
    }

    private Replica replica(TokenlifeSettings settings) {
        JwtAdapters jwt = JwtAdapters.create(settings, clock);
        Ports ports = new Ports(jwt.signer(), jwt.verifier(), registry, registry, registry.index(), new InMemoryUserDirectory(),
                new PlainPasswordHasher(), new UuidJtiGenerator(), SsoProviders.none(), ExternalTokenVerifier.none(),
                new RecordingSecurityEvents(), clock)
                .withKeys(KeyPorts.managed(store, jwt.managedMaterials().orElseThrow(), jwt.managedRing().orElseThrow()));
        UseCases useCases = UseCases.wire(ports, DomainSettings.from(settings));
        useCases.keySchedule().run();
        return new Replica(jwt, useCases);
    }

    @Test
    void theDatabaseHoldsOnlyCiphertextAndTheJwksOnlyPublicKeys() {
        Replica replica = replica(settings());
        StoredSigningKey stored = store.all().get(0);
        String sealed = new String(stored.sealed(), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain("\"d\"", "\"kty\"", "EC");
        assertThat(stored.publicJwk()).hasValueSatisfying(jwk -> assertThat(jwk).contains("\"x\"").doesNotContain("\"d\""));
        assertThat(replica.jwt().publicJwkSetJson()).contains(stored.kid()).doesNotContain("\"d\"");
        assertThat(replica.jwt().jwksMaxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void tokensIssuedBeforeARotationStayValidOnEveryReplicaAndNewOnesCarryTheNewKid() throws Exception {
        TokenlifeSettings fiveMinutesAhead = settings("KEY_PUBLISH_AHEAD_MINUTES", "5");
        Replica a = replica(fiveMinutesAhead);
        Replica b = replica(fiveMinutesAhead);
        String before = a.issue();
        String oldKid = a.jwt().currentKeyId();
        assertThat(b.jwt().currentKeyId()).as("both replicas sign with the stored key").isEqualTo(oldKid);

        a.useCases().signingKeys().rotate(ADMIN, false);
        b.useCases().keySchedule().reload();
        String nextKid = store.all().stream().filter(k -> k.info().state() == KeyState.NEXT).findFirst().orElseThrow().kid();
        assertThat(b.jwt().publicJwkSetJson()).as("published before it signs").contains(nextKid);
        assertThat(b.jwt().currentKeyId()).isEqualTo(oldKid);

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        a.useCases().keySchedule().run();
        assertThat(a.jwt().currentKeyId()).as("not before the publish-ahead time").isEqualTo(oldKid);
        clock.advance(Duration.ofSeconds(1));
        a.useCases().keySchedule().run();
        b.useCases().keySchedule().reload();
        String after = b.issue();

        assertThat(com.nimbusds.jwt.SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(nextKid);
        for (Replica r : new Replica[]{a, b}) {
            assertThat(r.validate(before).isValid()).isTrue();
            assertThat(r.validate(after).isValid()).isTrue();
        }
        assertThat(registry.find(com.nimbusds.jwt.SignedJWT.parse(after).getJWTClaimsSet().getJWTID()).orElseThrow()
                .keyId()).isEqualTo(nextKid);
    }

    @Test
    void aRevokedKeysTokensAreRefusedAsRevokedAndOtherKeysTokensAreNot() {
        Replica a = replica(settings());
        String doomed = a.issue();
        a.useCases().signingKeys().rotate(ADMIN, true);
        String fresh = a.issue();
        String kid = store.all().get(0).kid();

        a.useCases().signingKeys().revoke(ADMIN, kid, "private key leaked");

        assertThat(a.validate(doomed)).isInstanceOfSatisfying(ValidationResult.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(ValidationCode.TOKEN_REVOKED));
        assertThat(a.validate(fresh).isValid()).isTrue();
        assertThat(a.jwt().publicJwkSetJson()).doesNotContain(kid);
    }

    @Test
    void managedHmacKeysSignAndVerifyButAreNeverPublished() {
        Replica a = replica(settings("JWT_ALGORITHM", "HS512"));
        String token = a.issue();
        a.useCases().signingKeys().rotate(ADMIN, true);

        assertThat(a.validate(token).isValid()).as("the retired HMAC key still verifies").isTrue();
        assertThat(a.validate(a.issue()).isValid()).isTrue();
        assertThat(a.jwt().publicJwkSetJson()).isEqualTo("{\"keys\":[]}");
        assertThat(store.all()).allSatisfy(k -> assertThat(k.publicJwk()).isEmpty());
    }

    @Test
    void theWrongKeyEncryptionSecretIsAClearErrorNamingTheVariable() {
        replica(settings());
        JwtAdapters wrong = JwtAdapters.create(settings("KEY_ENCRYPTION_SECRET", SECRET + "-other"), clock);

        assertThatThrownBy(() -> wrong.managedRing().orElseThrow().load(store.all()))
                .isInstanceOf(KeyLoadException.class)
                .hasMessageContaining("KEY_ENCRYPTION_SECRET does not open the managed signing key")
                .hasMessageContaining("nothing was changed")
                .message().doesNotContain(SECRET);
        assertThat(wrong.canSign()).isFalse();
    }

    @Test
    void aSealedKeyMovedToAnotherRowDoesNotOpen() {
        KeyEncryption encryption = new KeyEncryption(SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = encryption.seal("kid-a", SigningAlgorithm.ES256, "material".getBytes(StandardCharsets.UTF_8));
        assertThat(encryption.open("kid-a", SigningAlgorithm.ES256, sealed)).asString(StandardCharsets.UTF_8).isEqualTo("material");
        assertThatThrownBy(() -> encryption.open("kid-b", SigningAlgorithm.ES256, sealed))
                .isInstanceOf(KeyEncryption.WrongSecretException.class);
        assertThatThrownBy(() -> encryption.open("kid-a", SigningAlgorithm.ES384, sealed))
                .isInstanceOf(KeyEncryption.WrongSecretException.class);
        assertThat(encryption.seal("kid-a", SigningAlgorithm.ES256, "material".getBytes(StandardCharsets.UTF_8)))
                .as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void stagingWithoutAKeyEncryptionSecretOrWithAShortOneRefuses() {
        assertThatThrownBy(() -> JwtAdapters.create(settings("ENVIRONMENT", "staging", "KEY_ENCRYPTION_SECRET", ""), clock))
                .isInstanceOf(KeyLoadException.class)
                .hasMessageContaining("KEY_ENCRYPTION_SECRET is not set")
                .hasMessageContaining("ENVIRONMENT=staging");
        assertThatThrownBy(() -> JwtAdapters.create(settings("KEY_ENCRYPTION_SECRET", "short"), clock))
                .isInstanceOf(KeyLoadException.class)
                .hasMessageContaining("KEY_ENCRYPTION_SECRET is 5 bytes long")
                .message().doesNotContain("short\"");
    }

    @Test
    void theStaticKeyIsImportedWithoutInvalidatingItsTokens() {
        String secret = "static-secret-0123456789abcdef-0123456789abcdef";
        TokenlifeSettings statik = settings("KEY_MANAGEMENT", "static", "JWT_ALGORITHM", "HS256", "JWT_SECRET_KEY", secret);
        JwtAdapters before = JwtAdapters.create(statik, clock);
        String oldToken = before.signer().sign(JwtTestKit.claims("old"));

        TokenlifeSettings managed = settings("JWT_ALGORITHM", "HS256", "JWT_SECRET_KEY", secret);
        JwtAdapters jwt = JwtAdapters.create(managed, clock);
        Ports ports = new Ports(jwt.signer(), jwt.verifier(), registry, registry, registry.index(), new InMemoryUserDirectory(),
                new PlainPasswordHasher(), new UuidJtiGenerator(), SsoProviders.none(), ExternalTokenVerifier.none(),
                new RecordingSecurityEvents(), clock)
                .withKeys(KeyPorts.managed(store, jwt.managedMaterials().orElseThrow(), jwt.managedRing().orElseThrow()));
        UseCases useCases = UseCases.wire(ports, DomainSettings.from(managed));

        useCases.signingKeys().importStatic(ADMIN);
        useCases.keySchedule().run();

        assertThat(jwt.currentKeyId()).isEqualTo(before.currentKeyId());
        assertThat(jwt.verifier().verify(oldToken)).isInstanceOf(io.tokenlife.domain.port.out.Verification.Verified.class);
        useCases.signingKeys().rotate(ADMIN, true);
        assertThat(jwt.verifier().verify(oldToken)).as("after a rotation too")
                .isInstanceOf(io.tokenlife.domain.port.out.Verification.Verified.class);
        assertThat(jwt.currentKeyId()).isNotEqualTo(before.currentKeyId());
    }
}
