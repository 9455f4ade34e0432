package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The key {@code development} generates when none is configured, kept as a private JWK in a file beside
 * the H2 database so that tokens survive a restart and the CLI and the service on the same database
 * agree. Created once, owner-only, complete before it appears and never replaced (two processes starting
 * together both end with the first one's key). Never used outside {@code development}: the settings offer no file there.
 */
final class DevelopmentKeyFile {
    private DevelopmentKeyFile() {
    }

    static SigningKey loadOrCreate(Path file, SigningAlgorithm algorithm) {
        if (Files.exists(file)) {
            return read(file, algorithm);
        }
        SigningKey generated = Keys.generate(algorithm);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".dev-key", ".tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, generated.privateJwk().toJSONString(), StandardCharsets.UTF_8);
                publish(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException raced) {
            return read(file, algorithm);
        } catch (IOException | SecurityException e) {
            throw new KeyLoadException("the development signing key cannot be kept in " + file + " ("
                    + e.getClass().getSimpleName() + "); set JWT_SECRET_KEY or the key paths, or make the "
                    + "directory writable", null);
        }
        return generated;
    }

    private static SigningKey read(Path file, SigningAlgorithm algorithm) {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            String kid = algorithm.isSymmetric() ? Keys.hmacKid(jwk.toOctetSequenceKey().toByteArray())
                    : Keys.thumbprintKid(jwk);
            return SigningKey.of(kid, algorithm, jwk);
        } catch (IOException | ParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new KeyLoadException("the development signing key in " + file + " cannot be used for JWT_ALGORITHM="
                    + algorithm.joseName() + " (" + e.getClass().getSimpleName() + "); delete the file to generate "
                    + "a new one (tokens it signed stop working)", null);
        }
    }

    /** A hard link fails when the name exists, so the first writer wins; a plain move where links are not supported. */
    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (UnsupportedOperationException noLinks) {
            Files.move(temp, file);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temp file is already private to the user
        }
    }
}
