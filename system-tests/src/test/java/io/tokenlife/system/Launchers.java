package io.tokenlife.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The repository's own launchers, run as a user runs them: {@code bin/tokenlife-server} and {@code bin/tokenlife}. */
final class Launchers {
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Launchers() {
    }

    /** What a CLI run printed and how it ended. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** Runs {@code bin/tokenlife ARGS} in {@code workDir} with {@code env} added to this process's environment. */
    static Result cli(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(REPO.resolve("bin/tokenlife").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "cli", ".out");
        Path err = Files.createTempFile(workDir, "cli", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/tokenlife " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Runs {@code bin/tokenlife-server ARGS} to its end, for the arguments that answer without starting. */
    static Result serverCommand(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(REPO.resolve("bin/tokenlife-server").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "server", ".out");
        Path err = Files.createTempFile(workDir, "server", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/tokenlife-server " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A running {@code bin/tokenlife-server}; closing it sends SIGTERM. */
    static final class Server implements AutoCloseable {
        final int port;
        private final Process process;
        private final Path log;

        private Server(int port, Process process, Path log) {
            this.port = port;
            this.process = process;
            this.log = log;
        }

        static Server start(Path workDir, Map<String, String> env) throws IOException, InterruptedException {
            int port = freePort();
            Map<String, String> all = new HashMap<>(env);
            all.put("PORT", Integer.toString(port));
            all.put("HOST", "127.0.0.1");
            ProcessBuilder builder = new ProcessBuilder(REPO.resolve("bin/tokenlife-server").toString())
                    .directory(workDir.toFile());
            builder.environment().putAll(all);
            Path log = Files.createTempFile(workDir, "server", ".log");
            Server server = new Server(port, builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
            server.awaitReady();
            return server;
        }

        /** Generous: a start on a machine running several builds at once took 25–35 s (migration and index load). */
        private static final long READY_SECONDS = 90;

        private void awaitReady() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("tokenlife-server exited with " + process.exitValue() + ":\n" + log());
                }
                try {
                    if (get("/ready", null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new AssertionError("tokenlife-server not ready in " + READY_SECONDS + " s:\n" + log());
        }

        HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String bearer, String form) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String bearer, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> delete(String path, String bearer) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + bearer).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** {@code kill -9} of the server's JVM (the launcher execs it, so this is its real PID); no shutdown hook runs. */
        void kill() throws InterruptedException {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("tokenlife-server (pid " + process.pid() + ") survived SIGKILL");
            }
        }

        long pid() {
            return process.pid();
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        @Override
        public void close() throws InterruptedException {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
