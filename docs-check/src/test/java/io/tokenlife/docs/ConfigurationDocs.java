package io.tokenlife.docs;

import io.tokenlife.domain.settings.Section;
import io.tokenlife.domain.settings.Setting;
import io.tokenlife.domain.settings.SettingsCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the configuration documents from the settings catalog: the table of the README, the table of
 * {@code docs/reference/configuration.md} and the whole of {@code .env.example}. A variable is documented
 * where it is declared; these texts are only its rendering. {@link ConfigurationDocumentedTest} fails when a
 * committed file differs and rewrites them when asked (see {@link #REGENERATE}).
 */
final class ConfigurationDocs {
    /** The command that rewrites the generated parts, named in the files and in the failure message. */
    static final String REGENERATE = "./mvnw -q -pl docs-check -am test -Dtest=ConfigurationDocumentedTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtokenlife.docs.write=true";
    static final String BEGIN = "<!-- generated from the settings catalog: edit the Setting declarations, then run "
            + REGENERATE + " -->";
    static final String END = "<!-- end of generated table -->";
    private static final String RULE = "# " + "-".repeat(99);
    private static final int WIDTH = 100;

    private final SettingsCatalog catalog;

    ConfigurationDocs(SettingsCatalog catalog) {
        this.catalog = catalog;
    }

    /** README: variable, default, meaning. */
    String readmeTable() {
        StringBuilder table = new StringBuilder("| variable | default | meaning |\n|---|---|---|\n");
        for (Setting<?> s : catalog.settings()) {
            table.append("| `").append(s.name()).append("` | ").append(defaultCell(s)).append(" | ")
                    .append(cell(s.doc())).append(" |\n");
        }
        return table.toString();
    }

    /** The configuration reference: variable, default, allowed values, meaning. */
    String referenceTable() {
        StringBuilder table = new StringBuilder("| variable | default | allowed values | meaning |\n|---|---|---|---|\n");
        for (Setting<?> s : catalog.settings()) {
            table.append("| `").append(s.name()).append("` | ").append(defaultCell(s)).append(" | ")
                    .append(cell(s.allowed())).append(" | ").append(cell(s.doc())).append(" |\n");
        }
        return table.toString();
    }

    /** The whole {@code .env.example}: a section per concern, every variable with its comment and default. */
    String envExample() {
        List<String> lines = new ArrayList<>(List.of(
                "# tokenlife configuration: copy to .env in the working directory and adjust.",
                "# The process environment wins over this file. Every line below shows the default; lines that stay",
                "# commented out with no value have no default (the feature is off or generated until you set it).",
                "# Bad values stop startup with a message naming the variable and the allowed values;",
                "# bin/tokenlife config show prints what is in effect, bin/tokenlife config check reviews it.",
                "# Reference: docs/reference/configuration.md. Production checklist: docs/how-to/secure-deployment.md",
                "#",
                "# Generated from the settings catalog (the Setting declarations in the code). To change a line,",
                "# change the declaration and run: " + REGENERATE.substring(0, REGENERATE.indexOf(" -Dtest")),
                "#   " + REGENERATE.substring(REGENERATE.indexOf(" -Dtest") + 1)));
        Section section = null;
        for (Setting<?> s : catalog.settings()) {
            if (!s.section().equals(section)) {
                section = s.section();
                lines.addAll(List.of("", RULE, "# " + section.title(), RULE));
            } else {
                lines.add("");
            }
            String allowed = s.kind().jsonType().equals("boolean") ? "true or false" : plain(s.allowed());
            lines.addAll(wrap(plain(s.doc()) + ". Allowed: " + allowed + "."));
            lines.add(s.defaultValue().map(d -> s.name() + "=" + d).orElse("# " + s.name() + "="));
        }
        return String.join("\n", lines) + "\n";
    }

    /** {@code text} with the part between {@link #BEGIN} and {@link #END} replaced by {@code generated}. */
    static String replaceGenerated(String text, String generated, String file) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " has no generated block: the lines '" + BEGIN + "' and '" + END
                    + "' must enclose the configuration table");
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + generated + text.substring(end);
    }

    private static String defaultCell(Setting<?> s) {
        return s.defaultValue().map(d -> "`" + d + "`").orElse("unset");
    }

    private static String cell(String markdown) {
        return markdown.replace("|", "\\|");
    }

    /** Markdown to plain text for a shell file: code spans lose their backticks. */
    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("#");
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > 1) {
                lines.add(line.toString());
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
