package io.tokenlife.app.cli.port;

import io.tokenlife.domain.settings.SigningAlgorithm;

import java.nio.file.Path;
import java.util.Optional;

/** Key material for operators: new keys, and the public JWK set that verifiers need. */
public interface KeyTool {
    GeneratedKey generate(SigningAlgorithm algorithm);

    /**
     * The public JWK set ({@code {"keys":[...]}}) of {@code publicKey}, or of the configured key when
     * empty; never private or symmetric material. {@code algorithm} is the key file's algorithm, when known.
     */
    String publicJwkSet(Optional<Path> publicKey, Optional<SigningAlgorithm> algorithm);

    /** Loads the configured keys as the service would; a problem is a {@link CliFailure} naming the variable. */
    void checkConfiguredKeys();

    /** Either an HMAC secret or a PEM key pair. */
    record GeneratedKey(Optional<String> secret, Optional<String> privatePem, Optional<String> publicPem) {
        public static GeneratedKey secret(String secret) {
            return new GeneratedKey(Optional.of(secret), Optional.empty(), Optional.empty());
        }

        public static GeneratedKey pair(String privatePem, String publicPem) {
            return new GeneratedKey(Optional.empty(), Optional.of(privatePem), Optional.of(publicPem));
        }

        @Override
        public String toString() {
            return "GeneratedKey[***]";
        }
    }
}
