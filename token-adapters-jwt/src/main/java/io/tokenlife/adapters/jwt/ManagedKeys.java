package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.port.out.SigningKeyMaterials;
import io.tokenlife.domain.port.out.SigningKeyRing;
import io.tokenlife.domain.settings.KeySettings;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Managed keys on the JWT side: fresh keys for the configured algorithm (and the configured static key
 * for import), sealed with {@link KeyEncryption}; and the ring loaded from the stored keys. Private
 * material is opened only for the key that signs and for HMAC keys (whose secret is what verifies);
 * opened keys are kept by kid, so a reload opens only what is new.
 */
final class ManagedKeys implements SigningKeyMaterials, SigningKeyRing {
    static final String SECRET_VARIABLE = KeySettings.KEY_ENCRYPTION_SECRET.name();

    private final TokenlifeSettings settings;
    private final KeyRing ring;
    private final KeyEncryption encryption;
    private final Map<String, SigningKey> opened = new ConcurrentHashMap<>();
    private final Map<String, RingKey> published = new ConcurrentHashMap<>();

    ManagedKeys(TokenlifeSettings settings, KeyRing ring, KeyEncryption encryption) {
        this.settings = settings;
        this.ring = ring;
        this.encryption = encryption;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return ring.algorithm();
    }

    @Override
    public Material generate() {
        return seal(Keys.generate(algorithm()));
    }

    @Override
    public Optional<Material> staticKey() {
        if (!settings.jwt().hasSharedKey()) {
            return Optional.empty();
        }
        return Optional.of(seal(SettingsKeyLoader.load(settings.jwt(), settings.environment(), Optional.empty())));
    }

    private Material seal(SigningKey key) {
        byte[] plain = key.privateJwk().toJSONString().getBytes(StandardCharsets.UTF_8);
        Optional<String> publicJwk = key.algorithm().isSymmetric() ? Optional.empty()
                : Optional.of(JwtAdapters.publish(key.verification().jwk(), key.kid(), key.algorithm().joseName()).toJSONString());
        return new Material(key.kid(), key.algorithm(), publicJwk, encryption.seal(key.kid(), key.algorithm(), plain));
    }

    @Override
    public synchronized void load(List<StoredSigningKey> keys) {
        List<StoredSigningKey> ours = keys.stream().filter(k -> k.info().algorithm() == algorithm()).toList();
        Optional<StoredSigningKey> active = ours.stream().filter(k -> k.info().state() == KeyState.ACTIVE)
                .max(Comparator.comparing(k -> k.info().activatesAt()));
        SigningKey signer = active.map(this::opened).orElse(null);
        List<RingKey> verifying = new ArrayList<>();
        Set<String> revoked = new HashSet<>();
        for (StoredSigningKey key : ours) {
            KeyState state = key.info().state();
            if (state == KeyState.REVOKED) {
                revoked.add(key.kid());
            } else if (state.verifies()) {
                verifying.add(algorithm().isSymmetric() || (signer != null && signer.kid().equals(key.kid()))
                        ? opened(key).verification() : publicKey(key));
            }
        }
        ring.replaceAll(signer, verifying, revoked);
    }

    private SigningKey opened(StoredSigningKey key) {
        return opened.computeIfAbsent(key.kid(), kid -> {
            byte[] plain;
            try {
                plain = encryption.open(kid, key.info().algorithm(), key.sealed());
            } catch (KeyEncryption.WrongSecretException e) {
                throw new KeyLoadException(SECRET_VARIABLE + " does not open the managed signing key " + kid
                        + " stored in the database: it was sealed with another secret (or the row was altered). "
                        + "Set the secret the keys were created with; nothing was changed", null);
            }
            try {
                return SigningKey.of(kid, key.info().algorithm(), JWK.parse(new String(plain, StandardCharsets.UTF_8)));
            } catch (ParseException | IllegalArgumentException e) {
                throw new KeyLoadException("the managed signing key " + kid + " does not pass the key rules for "
                        + key.info().algorithm().joseName() + ": " + e.getMessage(), null);
            }
        });
    }

    private RingKey publicKey(StoredSigningKey key) {
        return published.computeIfAbsent(key.kid(), kid -> {
            try {
                JWK jwk = JWK.parse(key.publicJwk().orElseThrow(() -> new KeyLoadException(
                        "the managed signing key " + kid + " has no public JWK", null)));
                return RingKey.of(kid, key.info().algorithm(), jwk);
            } catch (ParseException | IllegalArgumentException e) {
                throw new KeyLoadException("the public JWK of managed signing key " + kid + " is not usable: "
                        + e.getMessage(), null);
            }
        });
    }
}
