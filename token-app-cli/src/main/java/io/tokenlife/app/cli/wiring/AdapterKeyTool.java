package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/** Keys through the JWT adapter. */
final class AdapterKeyTool implements KeyTool {
    private static final int SECRET_BYTES = 64;
    private final Supplier<TokenlifeSettings> settings;
    private final Supplier<JwtAdapters> jwt;

    AdapterKeyTool(Supplier<TokenlifeSettings> settings, Supplier<JwtAdapters> jwt) {
        this.settings = settings;
        this.jwt = jwt;
    }

    @Override
    public GeneratedKey generate(SigningAlgorithm algorithm) {
        if (algorithm.isSymmetric()) {
            byte[] bytes = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(bytes);
            return GeneratedKey.secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        throw new CliFailure("key pair generation is not available in this build yet");
    }

    @Override
    public String publicJwkSet(Optional<Path> publicKey) {
        if (publicKey.isPresent()) {
            throw new CliFailure("--public-key is not available in this build yet");
        }
        return jwt.get().publicJwkSetJson();
    }

    @Override
    public void checkConfiguredKeys() {
        jwt.get();
    }
}
