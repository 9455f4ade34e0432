package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.jwt.KeyPairs;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.nio.file.Path;
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
    public String publicJwkSet(Optional<Path> publicKey) {
        if (publicKey.isPresent()) {
            try {
                return KeyPairs.publicJwkSetJson(settings.get().jwt().algorithm(), publicKey.get());
            } catch (JwtAdapters.KeyLoadException e) {
                throw new CliFailure(e.getMessage());
            }
        }
        return jwt.get().publicJwkSetJson();
    }

    @Override
    public void checkConfiguredKeys() {
        jwt.get();
    }
}
