package io.tokenlife.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/tokenlife-server} answers --help and --version without starting, and refuses other arguments. */
class ServerLauncherIT {
    @TempDir
    Path dir;

    @Test
    void helpPrintsTheVariablesWhereDotEnvIsReadAndTheReferenceAndExits0() throws Exception {
        Launchers.Result help = Launchers.serverCommand(dir, "--help");

        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: tokenlife-server [--help | --version]")
                .contains(dir.toRealPath().resolve(".env").toString())
                .contains("docs/reference/configuration.md")
                .containsPattern("(?m)^  JWT_SECRET_KEY +.*\\[unset\\]$")
                .containsPattern("(?m)^  PORT +0 to 65535 .*\\[4444\\]$")
                .containsPattern("(?m)^  SECURE_COOKIES +boolean +\\[true\\]$")
                .doesNotContain("listening");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing started, no database created").isFalse();
        assertThat(Launchers.serverCommand(dir, "-h").out()).isEqualTo(help.out());
    }

    @Test
    void versionPrintsTheVersionAndExits0() throws Exception {
        Launchers.Result version = Launchers.serverCommand(dir, "--version");

        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("tokenlife-server 0.").contains("Java ");
        assertThat(version.out()).doesNotContain("unknown").doesNotContain("listening");
    }

    @Test
    void anUnknownArgumentExits2WithAMessageOnStderr() throws Exception {
        Launchers.Result unknown = Launchers.serverCommand(dir, "--port=9000");

        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("unknown argument '--port=9000'").contains("--help");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }
}
