package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.Converters;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.app.cli.port.KeyTool.GeneratedKey;
import io.tokenlife.domain.settings.SigningAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

@Command(name = "generate", description = {"Generate a signing key.",
        "HS*: prints a random secret for JWT_SECRET_KEY on stdout. RS*/PS*/ES*/EdDSA: writes private.pem "
                + "(mode 0600) and public.pem into --out, and prints the variables to set."})
public final class KeysGenerateSubcommand extends CliCommand {
    @Option(names = "--alg", required = true, paramLabel = "A", converter = Converters.Algorithm.class,
            description = "HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA.")
    SigningAlgorithm algorithm;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory for the PEM files (default: the working directory).")
    Path out;

    @Option(names = "--force", description = "Overwrite existing private.pem/public.pem.")
    boolean force;

    private final KeyTool keys;

    public KeysGenerateSubcommand(KeyTool keys) {
        this.keys = keys;
    }

    @Override
    public Integer call() {
        GeneratedKey key = keys.generate(algorithm);
        if (key.secret().isPresent()) {
            out().println(key.secret().get());
            err().println("set JWT_ALGORITHM=" + algorithm.joseName() + " and JWT_SECRET_KEY=<the line above>; keep it secret");
            return ExitCodes.OK;
        }
        try {
            Files.createDirectories(out);
            Path privatePem = out.resolve("private.pem").toAbsolutePath();
            Path publicPem = out.resolve("public.pem").toAbsolutePath();
            writePrivate(privatePem, key.privatePem().orElseThrow());
            write(publicPem, key.publicPem().orElseThrow());
            out().println("JWT_ALGORITHM=" + algorithm.joseName());
            out().println("JWT_PRIVATE_KEY_PATH=" + privatePem);
            out().println("JWT_PUBLIC_KEY_PATH=" + publicPem);
            err().println("wrote " + privatePem + " (0600) and " + publicPem);
            return ExitCodes.OK;
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(e.getFile() + " already exists; use --force to overwrite it or --out for another directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Created with 0600 from the start, so the key is never readable by others, not even briefly. */
    private void writePrivate(Path path, String pem) throws IOException {
        if (force) {
            Files.deleteIfExists(path);
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system
        }
        Files.writeString(path, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void write(Path path, String pem) throws IOException {
        if (force) {
            Files.writeString(path, pem, StandardCharsets.US_ASCII);
        } else {
            Files.writeString(path, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        }
    }
}
