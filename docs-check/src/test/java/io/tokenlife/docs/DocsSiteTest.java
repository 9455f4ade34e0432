package io.tokenlife.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tokenlife.docs.RepositoryFiles.filesUnder;
import static io.tokenlife.docs.RepositoryFiles.loadYaml;
import static io.tokenlife.docs.RepositoryFiles.path;
import static io.tokenlife.docs.RepositoryFiles.read;
import static io.tokenlife.docs.RepositoryFiles.relative;
import static org.assertj.core.api.Assertions.assertThat;

class DocsSiteTest {
    /** {@code [text](target)} or {@code [text](target "title")}; images too. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

    @Test
    void every_page_in_the_mkdocs_nav_exists() {
        Map<?, ?> mkdocs = (Map<?, ?>) loadYaml(read("mkdocs.yml"));
        List<String> pages = new ArrayList<>();
        collectPages(mkdocs.get("nav"), pages);
        assertThat(pages).as("pages in the nav").contains("index.md");
        List<String> missing = pages.stream().filter(p -> !Files.isRegularFile(path("docs").resolve(p))).toList();
        assertThat(missing).as("nav pages missing under docs/").isEmpty();
    }

    @Test
    void every_markdown_page_under_docs_is_in_the_nav() {
        Map<?, ?> mkdocs = (Map<?, ?>) loadYaml(read("mkdocs.yml"));
        List<String> pages = new ArrayList<>();
        collectPages(mkdocs.get("nav"), pages);
        List<String> orphans = filesUnder("docs", ".md").stream()
                .map(p -> path("docs").relativize(p).toString())
                .filter(p -> !pages.contains(p))
                .toList();
        assertThat(orphans).as("pages under docs/ that the nav does not list").isEmpty();
    }

    @Test
    void every_relative_link_in_docs_and_readme_points_to_an_existing_file() {
        List<Path> files = new ArrayList<>(filesUnder("docs", ".md"));
        files.add(path("README.md"));
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : files) {
            String text = INLINE_CODE.matcher(FENCE.matcher(read(file)).replaceAll("")).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // https:, mailto:, in-page anchors
                }
                links++;
                String withoutAnchor = target.replaceAll("[#?].*$", "");
                Path resolved = file.getParent().resolve(withoutAnchor).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(relative(file) + " -> " + target);
                } else if (file.startsWith(path("docs")) && !resolved.startsWith(path("docs").normalize())) {
                    // mkdocs build --strict refuses links that leave docs/: name repository files in prose instead
                    broken.add(relative(file) + " -> " + target + " (outside docs/)");
                }
            }
        }
        assertThat(links).as("relative links checked").isPositive();
        assertThat(broken).as("relative links to missing files").isEmpty();
    }

    private static void collectPages(Object nav, List<String> pages) {
        if (nav instanceof String page) {
            if (!page.matches("^[a-z]+://.*")) {
                pages.add(page);
            }
        } else if (nav instanceof List<?> list) {
            list.forEach(item -> collectPages(item, pages));
        } else if (nav instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectPages(value, pages));
        }
    }
}
