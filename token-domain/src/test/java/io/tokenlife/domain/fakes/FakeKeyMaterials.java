package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.port.out.SigningKeyMaterials;
import io.tokenlife.domain.port.out.SigningKeyRing;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Key material without cryptography (kids {@code k1}, {@code k2}, ...) and a ring that remembers what it loaded. */
public final class FakeKeyMaterials implements SigningKeyMaterials, SigningKeyRing {
    private final SigningAlgorithm algorithm;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile Optional<Material> staticKey = Optional.empty();
    private volatile List<StoredSigningKey> loaded = List.of();
    private volatile int loads;

    public FakeKeyMaterials(SigningAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public void configureStaticKey(String kid) {
        staticKey = Optional.of(new Material(kid, algorithm, Optional.of("{\"kid\":\"" + kid + "\"}"),
                ("sealed-" + kid).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public Material generate() {
        String kid = "k" + counter.incrementAndGet();
        return new Material(kid, algorithm, Optional.of("{\"kid\":\"" + kid + "\"}"),
                ("sealed-" + kid).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Material> staticKey() {
        return staticKey;
    }

    @Override
    public void load(List<StoredSigningKey> keys) {
        loaded = List.copyOf(keys);
        loads++;
    }

    public int loads() {
        return loads;
    }

    /** The kid the ring signs with: the active key activated last. */
    public Optional<String> signingKid() {
        return loaded.stream().filter(k -> k.info().state() == KeyState.ACTIVE)
                .max(java.util.Comparator.comparing(k -> k.info().activatesAt())).map(StoredSigningKey::kid);
    }

    public Set<String> verifyingKids() {
        return loaded.stream().filter(k -> k.info().state().verifies()).map(StoredSigningKey::kid)
                .collect(Collectors.toSet());
    }
}
