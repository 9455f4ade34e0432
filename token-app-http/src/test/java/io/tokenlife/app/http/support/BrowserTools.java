package io.tokenlife.app.http.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the browser tests need: Debian's Chromium, node, and the npm package {@code playwright-core}
 * (installed into {@code src/test/browser/node_modules} by {@code npm ci} on first use). Where one is
 * missing the test is skipped with the reason, unless {@code TOKENLIFE_REQUIRE_BROWSER=true}, which makes
 * it fail (CI sets it).
 */
public final class BrowserTools {
    public static final String REQUIRE = "TOKENLIFE_REQUIRE_BROWSER";
    static final Path SCRIPTS = Path.of("src", "test", "browser");
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    /** A finished script: its exit code and everything it printed. */
    public record Run(int exitCode, String output) {
    }

    private final Path chromium;

    private BrowserTools(Path chromium) {
        this.chromium = chromium;
    }

    public static BrowserTools requireOrSkip() {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            unavailable("Chromium is not installed (apt-get install -y chromium): looked for " + CHROMIUM);
        }
        if (exec(List.of("node", "--version"), SCRIPTS, Map.of(), Duration.ofSeconds(30)).exitCode() != 0) {
            unavailable("node is not installed (apt-get install -y nodejs npm)");
        }
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules").resolve("playwright-core"))) {
            Run install = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), SCRIPTS, Map.of(), Duration.ofMinutes(5));
            if (install.exitCode() != 0) {
                unavailable("npm ci in " + SCRIPTS + " failed (exit " + install.exitCode() + "): " + install.output());
            }
        }
        return new BrowserTools(chromium);
    }

    /** Runs {@code node <script>} in {@code src/test/browser} with the variables and the Chromium path. */
    public Run run(String script, Map<String, String> env, Duration timeout) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("CONSOLE_CHROMIUM", chromium.toString());
        Run run = exec(List.of("node", script), SCRIPTS, all, timeout);
        System.out.println(run.output()); // kept in the failsafe report
        return run;
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            throw new AssertionError(REQUIRE + "=true, but the browser tests cannot run: " + reason);
        }
        Assumptions.abort("browser tests skipped: " + reason + " (set " + REQUIRE + "=true to fail instead)");
    }

    private static Run exec(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append("(output lost: ").append(e).append(')');
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(5_000);
                return new Run(-1, "timed out after " + timeout + ":\n" + out);
            }
            reader.join(5_000);
            return new Run(process.exitValue(), out.toString());
        } catch (IOException e) {
            return new Run(-1, command.get(0) + " cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
