package io.tokenlife.app.cli.process;

import io.tokenlife.app.http.settings.ServiceConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real CLI ({@code CliMain}) in a new JVM, as bin/tokenlife does, with its own environment and directory. */
final class CliProcess {
    /** Variables of this JVM's environment that would leak the machine's configuration into the child. */
    private static final List<String> CONFIG_PREFIXES = List.of("JWT_", "DATABASE_", "ENVIRONMENT", "REQUIRE_",
            "TOKEN_", "API_TOKEN", "EMBED_", "VALIDATE_", "PLATFORM_", "SSO_", "LOG_FORMAT", "VERIFIED_");

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit=" + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path workingDirectory;
    private final Map<String, String> environment = new HashMap<>();

    CliProcess(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    CliProcess env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.tokenlife.app.cli.CliMain");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(k -> CONFIG_PREFIXES.stream().anyMatch(k::startsWith)
                || ServiceConfiguration.CATALOG.find(k).isPresent());
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile(workingDirectory, "out", ".txt");
            Path err = Files.createTempFile(workingDirectory, "err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tokenlife " + String.join(" ", args) + " did not finish in 60 s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
