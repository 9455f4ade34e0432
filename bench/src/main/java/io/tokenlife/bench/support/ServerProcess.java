package io.tokenlife.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar ({@code token-app-http/target/tokenlife-server.jar}) in its own JVM, on a free port,
 * with the given variables; its output goes to a file so a full pipe never blocks it. Stopped with
 * SIGTERM on {@link #close()} (then killed if it does not stop within 10 s).
 */
public final class ServerProcess implements AutoCloseable {
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private ServerProcess(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** The jar: {@code -Dtokenlife.server.jar=...}, else under the working directory (the repository root). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("tokenlife.server.jar", "token-app-http/target/tokenlife-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw -q -DskipTests package "
                    + "from the repository root (or pass -Dtokenlife.server.jar=PATH)");
        }
        return jar;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process with HOST=127.0.0.1 and a free PORT added to {@code variables}; does not wait. */
    public static ServerProcess start(Map<String, String> variables, List<String> jvmOptions, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        return start(command, variables, workDir);
    }

    /**
     * Starts the service through its launcher, {@code bin/tokenlife-server} (under the working directory, the
     * repository root), so its JVM defaults apply; {@code variables} may set JAVA_OPTS or TOKENLIFE_JVM_DEFAULTS.
     * The launcher execs the JVM, so {@link #pid()} is the JVM's.
     */
    public static ServerProcess launch(Map<String, String> variables, Path workDir) {
        jar();
        return start(List.of(Path.of("bin", "tokenlife-server").toAbsolutePath().toString()), variables, workDir);
    }

    private static ServerProcess start(List<String> command, Map<String, String> variables, Path workDir) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(variables);
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("PORT", String.valueOf(port));
        Path log = workDir.resolve("server-" + port + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        try {
            return new ServerProcess(builder.start(), port, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code GET /ready} every millisecond until it answers 200; returns the time from process start
     * to that answer. Fails with the end of the log if the process dies or {@code timeout} passes.
     */
    public Duration awaitReady(Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (PROBE.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // the server is coming up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + tail());
            }
            sleep(1);
        }
        throw new IllegalStateException("the server was not ready within " + timeout + ":\n" + tail());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines of the server's output, for error messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
