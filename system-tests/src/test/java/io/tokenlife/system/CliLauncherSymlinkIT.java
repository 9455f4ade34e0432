package io.tokenlife.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/tokenlife} finds its jar however it is reached: through a symlink to the script (as in
 * /usr/local/bin/tokenlife), a relative symlink, or a symlinked bin/ folder (as in /opt/tokenlife/bin), like
 * {@code bin/tokenlife-server} does. Each is run for real from a temporary folder that holds only the links.
 */
class CliLauncherSymlinkIT {
    @TempDir
    Path dir;

    @Test
    void a_symlink_to_the_script_runs_it() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("tokenlife"), Launchers.REPO.resolve("bin/tokenlife"));
        assertPrintsTheVersion(link);
    }

    @Test
    void a_relative_symlink_to_a_symlink_runs_it() throws Exception {
        Files.createSymbolicLink(dir.resolve("tokenlife"), Launchers.REPO.resolve("bin/tokenlife"));
        Path tools = Files.createDirectory(dir.resolve("tools"));
        Path link = Files.createSymbolicLink(tools.resolve("tl"), Path.of("../tokenlife"));
        assertPrintsTheVersion(link);
    }

    @Test
    void the_script_in_a_symlinked_bin_folder_runs() throws Exception {
        Path bin = Files.createSymbolicLink(dir.resolve("bin"), Launchers.REPO.resolve("bin"));
        assertPrintsTheVersion(bin.resolve("tokenlife"));
    }

    private void assertPrintsTheVersion(Path launcher) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(launcher.toString(), "--version").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(launcher + " --version finished").isTrue();
        assertThat(process.exitValue()).as(launcher + " --version, stderr: " + Files.readString(err)).isZero();
        assertThat(Files.readString(out)).startsWith("tokenlife ");
        assertThat(Files.readString(err)).doesNotContain("missing");
    }
}
