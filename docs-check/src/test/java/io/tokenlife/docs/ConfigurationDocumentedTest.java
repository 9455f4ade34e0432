package io.tokenlife.docs;

import io.tokenlife.app.http.settings.ServiceConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static io.tokenlife.docs.RepositoryFiles.path;
import static io.tokenlife.docs.RepositoryFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings catalog is the single list of variables; the README table, the reference table and
 * {@code .env.example} are generated from it and must be committed as generated. With
 * {@code -Dtokenlife.docs.write=true} the test rewrites them instead of failing.
 */
class ConfigurationDocumentedTest {
    private static final ConfigurationDocs DOCS = new ConfigurationDocs(ServiceConfiguration.CATALOG);
    private static final boolean WRITE = Boolean.getBoolean("tokenlife.docs.write");

    @Test
    void env_example_is_generated_from_the_catalog() throws IOException {
        assertGenerated(".env.example", DOCS.envExample());
    }

    @Test
    void readme_configuration_table_is_generated_from_the_catalog() throws IOException {
        assertGenerated("README.md", ConfigurationDocs.replaceGenerated(read("README.md"), DOCS.readmeTable(), "README.md"));
    }

    @Test
    void configuration_reference_table_is_generated_from_the_catalog() throws IOException {
        String file = "docs/reference/configuration.md";
        assertGenerated(file, ConfigurationDocs.replaceGenerated(read(file), DOCS.referenceTable(), file));
    }

    @Test
    void every_variable_has_a_row_in_each_table_and_a_line_in_env_example() {
        for (String name : ServiceConfiguration.CATALOG.names()) {
            assertThat(DOCS.readmeTable()).as(name).containsPattern("(?m)^\\| `" + name + "` \\|");
            assertThat(DOCS.referenceTable()).as(name).containsPattern("(?m)^\\| `" + name + "` \\|");
            assertThat(DOCS.envExample()).as(name).containsPattern("(?m)^(# )?" + name + "=");
        }
    }

    @Test
    void env_example_sets_each_default_and_leaves_variables_without_one_commented_out() {
        ServiceConfiguration.CATALOG.settings().forEach(s -> assertThat(DOCS.envExample()).as(s.name())
                .containsPattern("(?m)^" + s.defaultValue().map(d -> s.name() + "=" + java.util.regex.Pattern.quote(d))
                        .orElse("# " + s.name() + "=") + "$"));
    }

    private static void assertGenerated(String file, String expected) throws IOException {
        if (WRITE) {
            Files.writeString(path(file), expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(read(file)).as(file + " differs from what the settings catalog generates; regenerate it with: "
                + ConfigurationDocs.REGENERATE).isEqualTo(expected);
    }
}
