package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.domain.settings.JwtSettings;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.util.Optional;

/**
 * Without a configured key the CLI signs with one generated for this run: a token nothing else can
 * verify. Signing refuses that unless asked; verifying says why every signature will fail.
 */
final class SharedKey {
    private SharedKey() {
    }

    static void require(TokenlifeSettings settings) {
        JwtSettings jwt = settings.jwt();
        if (!shared(settings)) {
            throw new CliFailure("no signing key is configured (" + missing(jwt) + "), so the token would be signed "
                    + "with a key that exists only in this process and nothing else could verify it. Share one key "
                    + "with the service: JWT_SECRET_KEY=<secret> in a .env file in this directory (tokenlife keys "
                    + "generate --alg HS256 prints one), JWT_SECRET_KEY in the environment, or JWT_PRIVATE_KEY_PATH "
                    + "and JWT_PUBLIC_KEY_PATH naming key files; or pass --ephemeral-key to sign with a throwaway key");
        }
    }

    /** A note for {@code token verify}, empty when a key is configured. */
    static Optional<String> verificationNote(TokenlifeSettings settings) {
        JwtSettings jwt = settings.jwt();
        if (shared(settings)) {
            return Optional.empty();
        }
        return Optional.of("note: no signing key is configured (" + missing(jwt) + "): verifying with a key "
                + "generated for this run, so no token of the service or of another run verifies; set JWT_SECRET_KEY "
                + "(in .env or the environment) or the key paths as the service has them");
    }

    /** A configured key, or managed keys (in the database the service shares). */
    private static boolean shared(TokenlifeSettings settings) {
        return settings.keys().isManaged() || settings.jwt().hasSharedKey();
    }

    private static String missing(JwtSettings jwt) {
        return jwt.algorithm().isSymmetric() ? "JWT_SECRET_KEY is unset"
                : "JWT_PRIVATE_KEY_PATH and JWT_PUBLIC_KEY_PATH are unset";
    }
}
