package io.tokenlife.docs;

import io.tokenlife.domain.settings.ConfigVariable;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.tokenlife.docs.RepositoryFiles.path;
import static io.tokenlife.docs.RepositoryFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link ConfigVariable} is the single list; every document that lists variables must follow it. */
class ConfigurationDocumentedTest {

    @Test
    void env_example_sets_every_variable_to_its_default_or_leaves_it_commented_out() {
        String env = read(".env.example");
        List<String> wrong = new ArrayList<>();
        for (ConfigVariable variable : ConfigVariable.values()) {
            String line = variable.defaultValue()
                    .map(d -> "(?m)^#? ?" + variable.name() + "=" + Pattern.quote(d) + "\\s*$")
                    .orElse("(?m)^# ?" + variable.name() + "=");
            if (!Pattern.compile(line).matcher(env).find()) {
                wrong.add(variable.name() + variable.defaultValue().map(d -> "=" + d).orElse(" (commented out, no default)"));
            }
        }
        assertThat(wrong).as(".env.example lines missing or with the wrong default").isEmpty();
    }

    @Test
    void readme_configuration_table_has_a_row_per_variable_with_its_default() {
        String readme = read("README.md");
        List<String> wrong = new ArrayList<>();
        for (ConfigVariable variable : ConfigVariable.values()) {
            String cell = variable.defaultValue().map(d -> "`" + Pattern.quote(d) + "`").orElse("unset");
            Pattern row = Pattern.compile("(?m)^\\|\\s*`" + variable.name() + "`\\s*\\|\\s*" + cell + "\\s*\\|");
            if (!row.matcher(readme).find()) {
                wrong.add(variable.name());
            }
        }
        assertThat(wrong).as("README.md table rows '| `NAME` | `default` or unset | meaning |' missing or wrong").isEmpty();
    }

    @Test
    void configuration_reference_page_names_every_variable() {
        assertThat(Files.exists(path("docs/reference/configuration.md")))
                .as("docs/reference/configuration.md exists (written with the domain docs)").isTrue();
        String page = read("docs/reference/configuration.md");
        List<String> missing = new ArrayList<>();
        for (ConfigVariable variable : ConfigVariable.values()) {
            if (!Pattern.compile("\\b" + variable.name() + "\\b").matcher(page).find()) {
                missing.add(variable.name());
            }
        }
        assertThat(missing).as("variables not named in docs/reference/configuration.md").isEmpty();
    }
}
