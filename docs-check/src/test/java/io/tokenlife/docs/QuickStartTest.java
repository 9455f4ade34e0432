package io.tokenlife.docs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tokenlife.docs.RepositoryFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

class QuickStartTest {
    private static final Pattern QUICK_START = Pattern.compile("(?ms)^## Quick start\\s*$(.*?)(?=^## )");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```[a-z]*\\s*$(.*?)^```\\s*$");

    @Test
    void readme_quick_start_is_exactly_two_commands_build_and_start_then_the_test_suite() {
        List<String> commands = quickStartCommands();
        assertThat(commands).as("commands in the Quick start code block").hasSize(2);
        assertThat(commands.get(0)).contains("./mvnw").contains("package").contains("bin/tokenlife-server");
        assertThat(commands.get(1)).startsWith("./mvnw").contains("verify");
    }

    @Test
    void ci_runs_the_same_test_command_as_the_readme() {
        List<String> readmeTest = words(quickStartCommands().get(1));
        List<String> ciTests = ciMavenCommands().stream()
                .filter(c -> words(c).contains("verify") && !words(c).contains("-f"))
                .toList();
        assertThat(ciTests).as("maven verify runs of the whole repository in .ci/run").hasSize(1);
        // -B only switches Maven to batch output; it does not change what runs
        List<String> ciTest = new ArrayList<>(words(ciTests.get(0)));
        ciTest.removeIf(w -> w.equals("-B") || w.equals("--batch-mode"));
        assertThat(ciTest).as(".ci/run's test command, without -B").isEqualTo(readmeTest);
    }

    @Test
    void ci_builds_in_a_fresh_clone_in_an_empty_folder_then_installs_and_builds_the_embedding_example() {
        String ci = read(".ci/run").replaceAll("(?m)^\\s*#.*$", ""); // the code, not the comments
        int mktemp = ci.indexOf("mktemp -d");
        int clone = ci.indexOf("git clone");
        int firstMaven = ci.indexOf("./mvnw");
        assertThat(mktemp).as(".ci/run makes a new temporary folder").isNotNegative();
        assertThat(clone).as(".ci/run clones the checkout into it").isGreaterThan(mktemp);
        assertThat(firstMaven).as("Maven runs only after the clone").isGreaterThan(clone);
        assertThat(ci.substring(clone, firstMaven)).as("and in the clone").containsPattern("(?m)^cd \"\\$alone/");

        List<String> commands = ciMavenCommands();
        assertThat(commands).as("the install of the embedding guide")
                .anySatisfy(c -> assertThat(words(c)).contains("-DskipTests", "install"));
        assertThat(commands).as("the guide's consumer project built on its own")
                .anySatisfy(c -> assertThat(c).contains("-f examples/embedded-validation/pom.xml"));
    }

    private static List<String> ciMavenCommands() {
        List<String> commands = new ArrayList<>();
        for (String line : read(".ci/run").split("\\R")) {
            String command = line.strip();
            if (command.startsWith("./mvnw")) {
                commands.add(command);
            }
        }
        return commands;
    }

    private static List<String> quickStartCommands() {
        String readme = read("README.md");
        Matcher section = QUICK_START.matcher(readme);
        assertThat(section.find()).as("README.md has a '## Quick start' section followed by another section").isTrue();
        Matcher block = CODE_BLOCK.matcher(section.group(1));
        assertThat(block.find()).as("the Quick start section has a code block").isTrue();
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.group(1).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            commands.add(current.append(trimmed).toString().replaceAll("\\s+#.*$", "").strip());
            current.setLength(0);
        }
        return commands;
    }

    private static List<String> words(String command) {
        return Arrays.asList(command.strip().split("\\s+"));
    }
}
