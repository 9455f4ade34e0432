package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.settings.SigningAlgorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The keys of one algorithm: the current signing key, and every key accepted for verification by
 * {@code kid} (the current one, a published next key, retired keys kept until their tokens expire).
 * Reads see an immutable snapshot; every change bumps {@link #version()} and tells the listeners, so
 * caches of verified tokens can be emptied.
 */
final class KeyRing {
    private record Snapshot(long version, SigningKey current, Map<String, RingKey> byKid, List<RingKey> all,
                            Set<String> revoked) {
    }

    private final SigningAlgorithm algorithm;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    private KeyRing(SigningAlgorithm algorithm, SigningKey current, List<RingKey> verificationKeys) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.snapshot = snapshot(1, current, verificationKeys, Set.of());
    }

    /** A ring that signs with {@code current} and verifies its tokens. */
    static KeyRing of(SigningKey current) {
        return new KeyRing(current.algorithm(), current, List.of(current.verification()));
    }

    /** A ring that signs with {@code current} and verifies {@code verificationKeys} (which must include it). */
    static KeyRing of(SigningKey current, List<RingKey> verificationKeys) {
        if (verificationKeys.stream().noneMatch(k -> k.kid().equals(current.kid()))) {
            throw new IllegalArgumentException("the signing key must also verify");
        }
        return new KeyRing(current.algorithm(), current, verificationKeys);
    }

    /** A ring that only verifies (no signing key), e.g. for test vectors. */
    static KeyRing verificationOnly(SigningAlgorithm algorithm, List<RingKey> keys) {
        return new KeyRing(algorithm, null, keys);
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    long version() {
        return snapshot.version();
    }

    /** @throws IllegalStateException when the ring only verifies */
    SigningKey current() {
        SigningKey current = snapshot.current();
        if (current == null) {
            throw new IllegalStateException("no signing key is loaded (KEY_MANAGEMENT=managed: the service makes one "
                    + "when it starts, or run 'tokenlife keys rotate --now')");
        }
        return current;
    }

    Optional<RingKey> byKid(String kid) {
        return Optional.ofNullable(snapshot.byKid().get(kid));
    }

    /** A token naming this kid is refused as revoked, whatever its signature. */
    boolean isRevoked(String kid) {
        return snapshot.revoked().contains(kid);
    }

    /** Whether a signing key is loaded (a managed ring has none until the store is first read). */
    boolean canSign() {
        return snapshot.current() != null;
    }

    /**
     * Replaces everything at once (managed keys, after the store changed): the signing key ({@code null}
     * keeps the current one), the verification keys and the kids of revoked keys.
     */
    synchronized void replaceAll(SigningKey current, List<RingKey> keys, Set<String> revoked) {
        SigningKey signing = current != null ? current : snapshot.current();
        if (signing != null && revoked.contains(signing.kid())) {
            signing = null; // never sign with a revoked key, even if no successor was loaded
        }
        List<RingKey> all = new ArrayList<>(keys);
        SigningKey signer = signing;
        if (signer != null && all.stream().noneMatch(k -> k.kid().equals(signer.kid()))) {
            all.add(0, signer.verification());
        }
        snapshot = snapshot(snapshot.version() + 1, signer, all, revoked);
        listeners.forEach(Runnable::run);
    }

    /** Every verification key, the current one first. */
    List<RingKey> verificationKeys() {
        return snapshot.all();
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Accepts tokens of {@code key} from now on (a published next key, or a retired one kept for verification). */
    synchronized void addVerificationKey(RingKey key) {
        List<RingKey> keys = new ArrayList<>(snapshot.all());
        keys.add(key);
        replace(snapshot.current(), keys);
    }

    /** Signs with {@code next} from now on; the previous key stays for verification until {@link #retire}d. */
    synchronized void rotateTo(SigningKey next) {
        List<RingKey> keys = new ArrayList<>();
        keys.add(next.verification());
        snapshot.all().stream().filter(k -> !k.kid().equals(next.kid())).forEach(keys::add);
        replace(next, keys);
    }

    /** Stops accepting tokens signed by {@code kid}; the current signing key cannot be retired. */
    synchronized void retire(String kid) {
        if (snapshot.current() != null && snapshot.current().kid().equals(kid)) {
            throw new IllegalArgumentException("the current signing key cannot be retired; rotate first");
        }
        List<RingKey> keys = new ArrayList<>(snapshot.all());
        keys.removeIf(k -> k.kid().equals(kid));
        replace(snapshot.current(), keys);
    }

    private void replace(SigningKey current, List<RingKey> keys) {
        snapshot = snapshot(snapshot.version() + 1, current, keys, snapshot.revoked());
        listeners.forEach(Runnable::run);
    }

    private Snapshot snapshot(long version, SigningKey current, List<RingKey> keys, Set<String> revoked) {
        Map<String, RingKey> byKid = new LinkedHashMap<>();
        for (RingKey key : keys) {
            if (key.algorithm() != algorithm) {
                throw new IllegalArgumentException("key " + key.kid() + " is for " + key.algorithm().joseName()
                        + " but this ring verifies " + algorithm.joseName());
            }
            if (byKid.putIfAbsent(key.kid(), key) != null) {
                throw new IllegalArgumentException("two keys share the kid '" + key.kid() + "'");
            }
        }
        if (current != null && current.algorithm() != algorithm) {
            throw new IllegalArgumentException("the signing key is not for " + algorithm.joseName());
        }
        return new Snapshot(version, current, Collections.unmodifiableMap(byKid), List.copyOf(byKid.values()),
                Set.copyOf(revoked));
    }
}
