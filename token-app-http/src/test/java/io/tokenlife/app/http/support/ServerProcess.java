package io.tokenlife.app.http.support;

import io.tokenlife.app.http.HttpMain;
import io.tokenlife.app.http.settings.ServiceConfiguration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link HttpMain} in a JVM of its own, with the test's class path, a chosen environment and working directory. */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("tokenlife listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts HttpMain with only {@code env} as tokenlife configuration (inherited tokenlife variables removed). */
    public static ServerProcess start(Map<String, String> env, Path workingDirectory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HttpMain.class.getName())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        ServiceConfiguration.CATALOG.names().forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            return new ServerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end; empty if it still runs after {@code timeout}. */
    public Optional<Integer> exitCode(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            reader.join(5_000); // the reader ends at the end of the output: every line is in
            return Optional.of(process.exitValue());
        }
        return Optional.empty();
    }

    /** The port from the "listening" log line, waiting up to {@code timeout}. */
    public int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not start:\n" + output());
    }

    public boolean awaitLine(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.contains(fragment))) {
                return true;
            }
            if (!process.isAlive()) {
                Thread.sleep(100);
                return lines.stream().anyMatch(l -> l.contains(fragment));
            }
            Thread.sleep(50);
        }
        return false;
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** SIGTERM, as an orchestrator would; the shutdown hook stops the server gracefully. */
    public Optional<Integer> terminate(Duration timeout) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy();
        }
        return exitCode(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
