package io.tokenlife.app.http;

import io.tokenlife.domain.settings.DotEnv;
import io.tokenlife.domain.settings.InvalidSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/tokenlife-server}: reads the environment plus {@code .env} of the working directory, starts
 * the service and stops it gracefully on SIGTERM. Refuses to start (exit code 1, {@code FAIL-CLOSED} in
 * the log) on any configuration error. {@code --help} and {@code --version} answer without starting; the
 * only class of the service that writes to the standard streams.
 */
public final class HttpMain {
    private static final Logger LOG = LoggerFactory.getLogger(HttpMain.class);

    private HttpMain() {
    }

    public static void main(String[] args) {
        ServerCommandLine.Decision decision = ServerCommandLine.decide(List.of(args), Path.of(""));
        if (!decision.start()) {
            PrintStream stream = decision.exit() == ServerCommandLine.OK ? System.out : System.err;
            new PrintStream(stream, true, StandardCharsets.UTF_8).println(decision.text());
            System.exit(decision.exit());
        }
        try {
            Map<String, String> variables = DotEnv.merge(System.getenv(), dotEnv(Path.of(".env")));
            HttpComposition server = HttpComposition.start(variables, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tokenlife-shutdown"));
        } catch (StartupRefusedException e) {
            refuse(e.reasons());
        } catch (InvalidSettingsException e) {
            refuse(List.of(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("FAIL-CLOSED: startup failed: {}", e.toString(), e);
            System.exit(1);
        }
    }

    private static void refuse(List<String> reasons) {
        reasons.forEach(reason -> LOG.error("FAIL-CLOSED: {}", reason));
        LOG.error("FAIL-CLOSED: tokenlife refuses to start; fix the configuration above");
        System.exit(1);
    }

    private static Map<String, String> dotEnv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return DotEnv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidSettingsException(".env", "cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
