package io.tokenlife.domain.service;

import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.fakes.FakeKeyMaterials;
import io.tokenlife.domain.fakes.InMemorySigningKeyStore;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.KeyChangeResult;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managed keys through the use cases, with a clock moved by hand: the schedule (publish ahead, activate,
 * retire, remove when the registry says the last token is gone plus leeway) and the operators' changes.
 */
class SigningKeyLifecycleTest {
    private static final Duration ROTATION = Duration.ofDays(90);
    private static final Duration AHEAD = Duration.ofMinutes(1440);
    private static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final Actor ADMIN = Actor.operator("cli:ops");
    private static final Actor USER = new Actor("bob@example.com", false, Actor.Kind.SESSION_TOKEN);

    private final DomainFixture fixture = DomainFixture.with("KEY_MANAGEMENT", "managed", "JWT_LEEWAY_SECONDS", "30");
    private final FakeKeyMaterials materials = new FakeKeyMaterials(SigningAlgorithm.ES256);
    private final InMemorySigningKeyStore keys = new InMemorySigningKeyStore(fixture.store);
    private final UseCases useCases = UseCases.wire(fixture.ports(io.tokenlife.domain.port.out.SsoProviders.none(),
                    io.tokenlife.domain.port.out.ExternalTokenVerifier.none())
            .withKeys(KeyPorts.managed(keys, materials, materials)), fixture.settings);

    private SigningKeyInfo key(String kid) {
        return keys.find(kid).orElseThrow().info();
    }

    private void tokenSignedBy(String kid, String jti, Instant expiresAt) {
        Instant now = fixture.clock.instant();
        fixture.store.record(new TokenRecord(jti, "alice@example.com", TokenSource.API, TokenUse.API, null, null, now,
                expiresAt, null, null, null, null, kid));
    }

    @Test
    void theFirstRunMakesAKeyThatSignsAtOnce() {
        var report = useCases.keySchedule().run();

        assertThat(report.changed()).singleElement().extracting(SigningKeyInfo::state).isEqualTo(KeyState.ACTIVE);
        assertThat(materials.signingKid()).contains("k1");
        assertThat(fixture.events.of(SecurityEventType.KEY_ACTIVATED)).hasSize(1);
        assertThat(useCases.keySchedule().run().changed()).as("nothing more is due").isEmpty();
    }

    @Test
    void theNextKeyIsPublishedAheadAndSignsOnlyAfterThePublishAheadTime() {
        useCases.keySchedule().run();
        fixture.clock.advance(ROTATION.minus(AHEAD).minusSeconds(1));
        assertThat(useCases.keySchedule().run().changed()).as("one second before publish time").isEmpty();

        fixture.clock.advance(Duration.ofSeconds(1));
        var published = useCases.keySchedule().run();
        assertThat(published.changed()).singleElement().satisfies(k -> {
            assertThat(k.kid()).isEqualTo("k2");
            assertThat(k.state()).isEqualTo(KeyState.NEXT);
            assertThat(k.activatesAt()).isEqualTo(fixture.clock.instant().plus(AHEAD));
        });
        assertThat(materials.verifyingKids()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(materials.signingKid()).contains("k1");
        assertThat(fixture.events.of(SecurityEventType.KEY_PUBLISHED)).singleElement()
                .satisfies(e -> assertThat(e.fields()).containsEntry("kid", "k2").containsKey("activates_at"));

        fixture.clock.advance(AHEAD.minusSeconds(1));
        assertThat(useCases.keySchedule().run().changed()).isEmpty();
        assertThat(materials.signingKid()).contains("k1");

        fixture.clock.advance(Duration.ofSeconds(1));
        useCases.keySchedule().run();
        assertThat(materials.signingKid()).contains("k2");
        assertThat(key("k1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(key("k2").activatedAt()).contains(fixture.clock.instant());
        assertThat(materials.verifyingKids()).as("the retired key still verifies").contains("k1");
    }

    @Test
    void aRetiredKeyIsRemovedWhenItsLastTokenHasExpiredPlusLeewayNotBefore() {
        useCases.keySchedule().run();
        tokenSignedBy("k1", "short", fixture.clock.instant().plus(Duration.ofDays(10)));
        tokenSignedBy("k1", "long", fixture.clock.instant().plus(Duration.ofDays(200)));
        tokenSignedBy("k1", "revoked", fixture.clock.instant().plus(Duration.ofDays(300)));
        fixture.store.revoke(new io.tokenlife.domain.revocation.Revocation("revoked", "alice@example.com",
                fixture.clock.instant(), "admin", "test", fixture.clock.instant().plus(Duration.ofDays(300))));
        Instant lastExpiry = fixture.clock.instant().plus(Duration.ofDays(200));
        assertThat(useCases.signingKeys().rotate(ADMIN, true)).isInstanceOf(KeyChangeResult.Changed.class);
        assertThat(key("k1").state()).isEqualTo(KeyState.RETIRED);

        var listed = (ManageSigningKeysUseCase.Keys) useCases.signingKeys().list(ADMIN);
        ManageSigningKeysUseCase.KeyView k1 = listed.keys().stream().filter(v -> v.info().kid().equals("k1")).findFirst().orElseThrow();
        assertThat(k1.usage().liveTokens()).isEqualTo(2);
        assertThat(k1.removableAt()).contains(lastExpiry.plus(LEEWAY));

        fixture.clock.set(lastExpiry);
        useCases.keySchedule().run();
        assertThat(key("k1").state()).as("at the last token's exp").isEqualTo(KeyState.RETIRED);
        fixture.clock.set(lastExpiry.plus(LEEWAY).minusMillis(1));
        useCases.keySchedule().run();
        assertThat(key("k1").state()).as("within the leeway after it").isEqualTo(KeyState.RETIRED);
        assertThat(materials.verifyingKids()).contains("k1");

        fixture.clock.set(lastExpiry.plus(LEEWAY));
        useCases.keySchedule().run();
        assertThat(key("k1").state()).isEqualTo(KeyState.REMOVED);
        assertThat(key("k1").removedAt()).contains(lastExpiry.plus(LEEWAY));
        assertThat(materials.verifyingKids()).doesNotContain("k1");
        assertThat(fixture.events.of(SecurityEventType.KEY_REMOVED)).hasSize(1);
    }

    @Test
    void aRetiredKeyWithoutTokensStaysForTheLeewayAfterRetirement() {
        useCases.keySchedule().run();
        useCases.signingKeys().rotate(ADMIN, true);
        useCases.keySchedule().run();
        assertThat(key("k1").state()).isEqualTo(KeyState.RETIRED);
        fixture.clock.advance(LEEWAY);
        useCases.keySchedule().run();
        assertThat(key("k1").state()).isEqualTo(KeyState.REMOVED);
    }

    @Test
    void aTokenThatNeverExpiresKeepsItsKeyUntilItIsRevoked() {
        useCases.keySchedule().run();
        tokenSignedBy("k1", "forever", null);
        useCases.signingKeys().rotate(ADMIN, true);
        fixture.clock.advance(Duration.ofDays(3650));
        useCases.keySchedule().run();
        assertThat(key("k1").state()).isEqualTo(KeyState.RETIRED);
        var k1 = ((ManageSigningKeysUseCase.Keys) useCases.signingKeys().list(ADMIN)).keys().get(0);
        assertThat(k1.usage().someNeverExpire()).isTrue();
        assertThat(k1.removableAt()).isEmpty();
    }

    @Test
    void rotateWithoutNowPublishesANextKeyAndRotateNowMakesItSignAtOnce() {
        useCases.keySchedule().run();
        KeyChangeResult published = useCases.signingKeys().rotate(ADMIN, false);
        assertThat(published).isInstanceOf(KeyChangeResult.Changed.class);
        assertThat(key("k2").state()).isEqualTo(KeyState.NEXT);
        assertThat(key("k2").activatesAt()).isEqualTo(fixture.clock.instant().plus(AHEAD));
        assertThat(((KeyChangeResult.Changed) useCases.signingKeys().rotate(ADMIN, false)).keys())
                .as("a next key is published already").isEmpty();

        useCases.signingKeys().rotate(ADMIN, true);
        assertThat(key("k2").state()).as("the published key signs, no new one").isEqualTo(KeyState.ACTIVE);
        assertThat(key("k1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(keys.all()).hasSize(2);
        assertThat(materials.signingKid()).contains("k2");
    }

    @Test
    void revokingAKeyRefusesItAtOnceAndHandsSigningToThePublishedSuccessor() {
        useCases.keySchedule().run();
        useCases.signingKeys().rotate(ADMIN, false);

        KeyChangeResult result = useCases.signingKeys().revoke(ADMIN, "k1", "private key leaked");

        assertThat(result).isInstanceOf(KeyChangeResult.Changed.class);
        assertThat(key("k1").state()).isEqualTo(KeyState.REVOKED);
        assertThat(key("k1").reason()).contains("private key leaked");
        assertThat(key("k1").revokedBy()).contains("cli:ops");
        assertThat(materials.signingKid()).contains("k2");
        assertThat(materials.verifyingKids()).containsExactly("k2");
        assertThat(fixture.events.of(SecurityEventType.KEY_REVOKED)).singleElement()
                .satisfies(e -> assertThat(e.fields()).containsEntry("kid", "k1").containsEntry("reason", "private key leaked"));
        assertThat(((KeyChangeResult.Changed) useCases.signingKeys().revoke(ADMIN, "k1", "again")).keys()).isEmpty();
    }

    @Test
    void theOnlyActiveKeyCannotBeRevokedOrRetiredWithoutASuccessorAndNothingChanges() {
        useCases.keySchedule().run();
        fixture.events.clear();

        assertThat(useCases.signingKeys().revoke(ADMIN, "k1", "leaked")).isInstanceOfSatisfying(Invalid.class, i -> {
            assertThat(i.field()).isEqualTo(Field.KEY_ID);
            assertThat(i.detail()).contains("only active key", "keys rotate --now");
        });
        assertThat(useCases.signingKeys().retire(ADMIN, "k1")).isInstanceOf(Invalid.class);
        assertThat(key("k1").state()).isEqualTo(KeyState.ACTIVE);
        assertThat(fixture.events.all()).isEmpty();
    }

    @Test
    void unknownKidsBadReasonsAndNonAdminsChangeNothing() {
        useCases.keySchedule().run();
        assertThat(useCases.signingKeys().revoke(ADMIN, "nope", "x")).isEqualTo(new KeyChangeResult.UnknownKey("nope"));
        assertThat(useCases.signingKeys().retire(ADMIN, "nope")).isEqualTo(new KeyChangeResult.UnknownKey("nope"));
        assertThat(useCases.signingKeys().revoke(ADMIN, "k1", " ")).isEqualTo(Invalid.blank(Field.REASON));
        assertThat(useCases.signingKeys().revoke(ADMIN, "k1", "x".repeat(501))).isInstanceOf(Invalid.class);
        assertThat(useCases.signingKeys().revoke(USER, "k1", "x")).isInstanceOf(KeyChangeResult.NotAllowed.class);
        assertThat(useCases.signingKeys().rotate(USER, true)).isInstanceOf(KeyChangeResult.NotAllowed.class);
        assertThat(useCases.signingKeys().list(USER)).isInstanceOf(KeyChangeResult.NotAllowed.class);
        assertThat(keys.all()).hasSize(1);
    }

    @Test
    void retiringANextKeyUnpublishesItAndRetiringTheActiveKeyHandsOverToTheNext() {
        useCases.keySchedule().run();
        useCases.signingKeys().rotate(ADMIN, false);
        assertThat(useCases.signingKeys().retire(ADMIN, "k2")).isInstanceOf(KeyChangeResult.Changed.class);
        assertThat(key("k2").state()).isEqualTo(KeyState.REMOVED);

        useCases.signingKeys().rotate(ADMIN, false);
        useCases.signingKeys().retire(ADMIN, "k1");
        assertThat(key("k1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(key("k3").state()).isEqualTo(KeyState.ACTIVE);
    }

    @Test
    void importingTheStaticKeyKeepsItsTokensAliveAndAttributesTheUnattributedOnes() {
        materials.configureStaticKey("static-kid");
        fixture.store.record(new TokenRecord("before-kids", "alice@example.com", TokenSource.API, TokenUse.API, null,
                null, fixture.clock.instant(), fixture.clock.instant().plus(Duration.ofDays(30)), null, null, null, null));

        KeyChangeResult imported = useCases.signingKeys().importStatic(ADMIN);

        assertThat(imported).isInstanceOf(KeyChangeResult.Changed.class);
        assertThat(key("static-kid").state()).as("the first managed key signs").isEqualTo(KeyState.ACTIVE);
        assertThat(materials.signingKid()).contains("static-kid");
        assertThat(fixture.store.find("before-kids").orElseThrow().keyId()).isEqualTo("static-kid");
        assertThat(useCases.keySchedule().run().changed()).as("no new key: the imported one signs").isEmpty();
        assertThat(((KeyChangeResult.Changed) useCases.signingKeys().importStatic(ADMIN)).keys()).isEmpty();

        useCases.signingKeys().rotate(ADMIN, true);
        fixture.clock.advance(Duration.ofDays(29));
        useCases.keySchedule().run();
        assertThat(key("static-kid").state()).as("its last token is still alive").isEqualTo(KeyState.RETIRED);
        fixture.clock.advance(Duration.ofDays(1).plus(LEEWAY));
        useCases.keySchedule().run();
        assertThat(key("static-kid").state()).isEqualTo(KeyState.REMOVED);
    }

    @Test
    void aDatabaseOutageMakesTheScheduleWaitAndSaySo() {
        useCases.keySchedule().run();
        InMemorySigningKeyStore down = new InMemorySigningKeyStore(fixture.store) {
            @Override
            public java.util.List<io.tokenlife.domain.model.StoredSigningKey> all() {
                throw new StoreUnavailableException("connection refused", null);
            }

            @Override
            public boolean exclusively(Runnable work) {
                throw new StoreUnavailableException("connection refused", null);
            }
        };
        UseCases offline = UseCases.wire(fixture.ports(io.tokenlife.domain.port.out.SsoProviders.none(),
                io.tokenlife.domain.port.out.ExternalTokenVerifier.none()).withKeys(KeyPorts.managed(down, materials,
                materials)), fixture.settings);

        var report = offline.keySchedule().run();

        assertThat(report.waiting()).hasValueSatisfying(w -> assertThat(w).contains("database is unavailable",
                "rotation waits", "keys in memory"));
        assertThat(materials.signingKid()).as("the ring keeps what it had").contains("k1");
    }

    @Test
    void staticKeysHaveNothingToManage() {
        UseCases statik = DomainFixture.with().services;
        assertThat(statik.signingKeys().rotate(ADMIN, true)).isInstanceOf(KeyChangeResult.NotManaged.class);
        assertThat(statik.signingKeys().list(ADMIN)).isEqualTo(new ManageSigningKeysUseCase.Keys(List.of(), false));
        assertThat(statik.keySchedule().run().changed()).isEmpty();
    }
}
