package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.domain.settings.SigningAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

@Command(name = "jwks", description = {"Print the public JWK set of the configured key, or of --public-key.",
        "Never prints private or symmetric keys: with an HS* algorithm the set is empty."})
public final class KeysJwksSubcommand extends CliCommand {
    @Option(names = "--public-key", paramLabel = "PATH", description = "A PEM public key (default: JWT_PUBLIC_KEY_PATH).")
    Path publicKey;

    @Option(names = "--alg", paramLabel = "ALG", description = {"The algorithm of --public-key (default: JWT_ALGORITHM "
            + "when asymmetric, else guessed from the key: RS256, ES256/384/512 by curve, EdDSA)."})
    SigningAlgorithm algorithm;

    private final KeyTool keys;

    public KeysJwksSubcommand(KeyTool keys) {
        this.keys = keys;
    }

    @Override
    public Integer call() {
        out().println(keys.publicJwkSet(Optional.ofNullable(publicKey), Optional.ofNullable(algorithm)));
        return ExitCodes.OK;
    }
}
