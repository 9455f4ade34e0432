package io.tokenlife.domain.contract;

import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.SigningKeyStore;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of the signing-key store, run against the in-memory fake, H2 and PostgreSQL. */
public abstract class SigningKeyStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** A store and the registry of the same database. */
    public record Stores(SigningKeyStore keys, IssuedTokenStore registry) {
    }

    protected abstract Stores freshStores();

    protected Stores stores;

    @BeforeEach
    void createStores() {
        stores = freshStores();
    }

    private static StoredSigningKey key(SigningKeyInfo info, String publicJwk) {
        return new StoredSigningKey(info, Optional.ofNullable(publicJwk),
                ("ciphertext of " + info.kid()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesKeysWithTheirMaterialAndListsThemOldestFirst() {
        StoredSigningKey active = key(SigningKeyInfo.activeNow("kid-a", SigningAlgorithm.ES256, T0), "{\"kty\":\"EC\"}");
        StoredSigningKey next = key(SigningKeyInfo.next("kid-b", SigningAlgorithm.ES256, T0.plusSeconds(5),
                T0.plusSeconds(3600)), "{\"kty\":\"EC\",\"x\":\"b\"}");
        StoredSigningKey hmac = key(SigningKeyInfo.activeNow("kid-h", SigningAlgorithm.HS256, T0.plusSeconds(9)), null);
        stores.keys().insert(active);
        stores.keys().insert(next);
        stores.keys().insert(hmac);

        assertThat(stores.keys().all()).containsExactly(active, next, hmac);
        assertThat(stores.keys().find("kid-b")).contains(next);
        assertThat(stores.keys().find("kid-h").orElseThrow().publicJwk()).isEmpty();
        assertThat(stores.keys().find("nope")).isEmpty();
    }

    @Test
    void aKidStoredTwiceIsRefused() {
        stores.keys().insert(key(SigningKeyInfo.activeNow("kid-a", SigningAlgorithm.HS256, T0), null));
        assertThatThrownBy(() -> stores.keys().insert(key(SigningKeyInfo.activeNow("kid-a", SigningAlgorithm.HS256, T0), null)))
                .isInstanceOf(SigningKeyStore.DuplicateKeyException.class).hasMessageContaining("kid-a");
    }

    @Test
    void aChangeAppliesOnlyOverTheVersionItWasMadeFrom() {
        SigningKeyInfo next = SigningKeyInfo.next("kid-n", SigningAlgorithm.RS256, T0, T0.plusSeconds(60));
        stores.keys().insert(key(next, "{}"));
        SigningKeyInfo activated = next.activated(T0.plusSeconds(60));

        assertThat(stores.keys().update(activated)).isTrue();
        assertThat(stores.keys().update(next.activated(T0.plusSeconds(61)))).as("a second replica, too late").isFalse();
        SigningKeyInfo revoked = activated.retired(T0.plusSeconds(90)).revoked(T0.plusSeconds(100), "admin@example.com", "leaked");
        assertThat(stores.keys().update(revoked)).as("two steps ahead of the stored version").isFalse();
        SigningKeyInfo retired = activated.retired(T0.plusSeconds(90));
        assertThat(stores.keys().update(retired)).isTrue();
        SigningKeyInfo revokedNow = retired.revoked(T0.plusSeconds(100), "admin@example.com", "leaked");
        assertThat(stores.keys().update(revokedNow)).isTrue();

        StoredSigningKey stored = stores.keys().find("kid-n").orElseThrow();
        assertThat(stored.info()).isEqualTo(revokedNow);
        assertThat(stored.info().state()).isEqualTo(KeyState.REVOKED);
        assertThat(stored.sealed()).as("the material never changes").isEqualTo("ciphertext of kid-n".getBytes(StandardCharsets.UTF_8));
        assertThat(stores.keys().update(SigningKeyInfo.activeNow("kid-unknown", SigningAlgorithm.RS256, T0).retired(T0)))
                .isFalse();
    }

    @Test
    void exclusiveWorkRunsAndAnswersTrue() {
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(stores.keys().exclusively(() -> ran.set(true))).isTrue();
        assertThat(ran).isTrue();
    }

    @Test
    void importingAttributesTheTokensRecordedWithoutAKid() {
        stores.registry().record(new TokenRecord("old-1", "alice@example.com", TokenSource.API, TokenUse.API, null, null,
                T0, T0.plusSeconds(600), null, null, null, null));
        stores.registry().record(new TokenRecord("new-1", "alice@example.com", TokenSource.API, TokenUse.API, null, null,
                T0, T0.plusSeconds(600), null, null, null, null, "kid-other"));

        assertThat(stores.keys().attributeUnattributedTokens("kid-static")).isEqualTo(1);

        assertThat(stores.registry().find("old-1").orElseThrow().keyId()).isEqualTo("kid-static");
        assertThat(stores.registry().find("new-1").orElseThrow().keyId()).isEqualTo("kid-other");
        assertThat(stores.registry().keyUsage("kid-static", T0).liveTokens()).isEqualTo(1);
    }
}
