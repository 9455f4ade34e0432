package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.jwt.KeyPairs;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Keys through the JWT adapter. */
final class AdapterKeyTool implements KeyTool {
    private final Supplier<TokenlifeSettings> settings;
    private final Supplier<JwtAdapters> jwt;

    AdapterKeyTool(Supplier<TokenlifeSettings> settings, Supplier<JwtAdapters> jwt) {
        this.settings = settings;
        this.jwt = jwt;
    }

    @Override
    public GeneratedKey generate(SigningAlgorithm algorithm) {
        KeyPairs.GeneratedKey key = KeyPairs.generate(algorithm);
        if (key instanceof KeyPairs.HmacSecret secret) {
            return GeneratedKey.secret(secret.secret());
        }
        KeyPairs.PemKeyPair pair = (KeyPairs.PemKeyPair) key;
        return GeneratedKey.pair(pair.privateKeyPem(), pair.publicKeyPem());
    }

    @Override
    public String publicJwkSet(Optional<Path> publicKey, Optional<SigningAlgorithm> algorithm) {
        if (publicKey.isEmpty()) {
            return jwt.get().publicJwkSetJson();
        }
        if (algorithm.isPresent()) {
            return jwks(algorithm.get(), publicKey.get());
        }
        SigningAlgorithm configured = settings.get().jwt().algorithm();
        List<SigningAlgorithm> candidates = configured.isSymmetric() ? GUESSES : List.of(configured);
        JwtAdapters.KeyLoadException last = null;
        for (SigningAlgorithm candidate : candidates) {
            try {
                return KeyPairs.publicJwkSetJson(candidate, publicKey.get());
            } catch (JwtAdapters.KeyLoadException e) {
                last = e;
            }
        }
        throw new CliFailure(last.getMessage());
    }

    /** Key types in the order tried when no asymmetric algorithm is named: each curve fits one ES algorithm. */
    private static final List<SigningAlgorithm> GUESSES = List.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256,
            SigningAlgorithm.ES384, SigningAlgorithm.ES512, SigningAlgorithm.EdDSA);

    private static String jwks(SigningAlgorithm algorithm, Path publicKey) {
        try {
            return KeyPairs.publicJwkSetJson(algorithm, publicKey);
        } catch (JwtAdapters.KeyLoadException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    @Override
    public void checkConfiguredKeys() {
        jwt.get();
    }
}
