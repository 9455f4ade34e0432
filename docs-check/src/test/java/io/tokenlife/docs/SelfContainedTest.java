package io.tokenlife.docs;

import io.tokenlife.docs.OutsideReads.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.tokenlife.docs.RepositoryFiles.ROOT;
import static io.tokenlife.docs.RepositoryFiles.path;
import static io.tokenlife.docs.RepositoryFiles.read;
import static io.tokenlife.docs.RepositoryFiles.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The repository carries everything its tests, build and scripts read, and its documents cite only what it
 * carries. A fresh clone with nothing beside it must build and pass (.ci/run proves that by running there);
 * these tests name the offending line before anyone has to find it from a failed build.
 */
class SelfContainedTest {
    /** The fixtures below reach outside on purpose; they are the only files the repository scans skip. */
    private static final String FIXTURES = "docs-check/src/test/resources/outside-reads";
    private static final Set<String> NOT_SCANNED = Set.of(".git", "target", "node_modules", "site", ".idea", ".vscode");
    private static final Pattern CITATION = Pattern.compile("\\bSPEC(?:\\.md)?\\s*§\\s*\\d*|" + OutsideReads.OUTSIDE_NAMES.pattern());

    @Test
    void no_test_build_file_or_script_reads_outside_the_repository() {
        List<String> scanned = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            String name = relative(file);
            if (OutsideReads.kindOf(name).isPresent()) {
                scanned.add(name);
                findings.addAll(OutsideReads.scan(name, text(file)));
            }
        }
        assertThat(scanned).as("the scan covers tests, poms and scripts")
                .contains(".ci/run", "bin/tokenlife", "bin/tokenlife-server", "bench/http/load.sh", "pom.xml",
                        "system-tests/pom.xml", "deploy/compose.yaml", "deploy/Dockerfile",
                        "token-adapters-jwt/src/test/java/io/tokenlife/adapters/jwt/WycheproofTest.java",
                        "token-adapters-jwt/src/test/resources/wycheproof/json_web_signature_test.json");
        assertThat(findings).as("places that read outside the repository").isEmpty();
    }

    @Test
    void a_test_that_reads_beside_the_repository_or_climbs_above_it_is_found() {
        List<Finding> findings = OutsideReads.scan("token-adapters-jwt/src/test/java/io/x/VectorsTest.java", fixture("test-outside.java.txt"));
        // the fixture's lines: 5 the upward search for the vectors' folder, 12 two parent steps in Path.of,
        // 13 an absolute path to a file of the outside folder, 14 three parent steps in one literal
        assertThat(findings).extracting(Finding::line, Finding::why).containsExactlyInAnyOrder(
                tuple(5, OutsideReads.BESIDE),
                tuple(12, "climbs 2 folder(s) from a folder 1 below the repository root"),
                tuple(13, OutsideReads.ON_ONE_MACHINE),
                tuple(13, OutsideReads.BESIDE),
                tuple(14, "climbs 3 folder(s) from a folder 1 below the repository root"));
    }

    @Test
    void a_script_is_judged_from_its_own_folder_only_when_anchored_on_it() {
        List<Finding> findings = OutsideReads.scan(".ci/run", fixture("script-outside.sh.txt"));
        assertThat(findings).extracting(Finding::line).containsExactlyInAnyOrder(2, 3, 3, 5, 6);
        assertThat(findings).filteredOn(f -> f.line() == 2).singleElement()
                .extracting(Finding::why).asString().contains("climbs 2 folder(s) from a folder 1 below");
    }

    @Test
    void a_pom_and_a_compose_file_are_judged_from_their_folder_and_maven_root_paths_from_the_root() {
        assertThat(OutsideReads.scan("token-domain/pom.xml", fixture("pom-outside.xml.txt")))
                .extracting(Finding::line).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(OutsideReads.scan("deploy/compose.yaml", fixture("compose-outside.yaml.txt")))
                .extracting(Finding::line).containsExactly(2);
    }

    @Test
    void paths_that_stay_inside_the_repository_pass() {
        assertThat(OutsideReads.scan("token-app-http/src/test/java/io/x/InsideTest.java", fixture("test-inside.java.txt"))).isEmpty();
        assertThat(OutsideReads.scan("bench/http/load.sh", fixture("script-inside.sh.txt"))).isEmpty();
        assertThat(OutsideReads.scan("docs-check/pom.xml", fixture("pom-inside.xml.txt"))).isEmpty();
        assertThat(OutsideReads.scan("deploy/compose.yaml", fixture("compose-inside.yaml.txt"))).isEmpty();
    }

    @Test
    void no_document_source_or_comment_cites_a_file_outside_the_repository() {
        List<String> citations = new ArrayList<>();
        int files = 0;
        for (Path file : repositoryFiles()) {
            files++;
            citations.addAll(citations(relative(file), text(file)));
        }
        assertThat(files).as("files checked").isGreaterThan(100);
        assertThat(citations).as("citations of files that are not in the repository (link the docs page that says it)").isEmpty();
    }

    @Test
    void the_citation_check_finds_spec_sections_and_outside_files_but_not_rfc_sections() {
        // line 1 cites a section of the specification, line 2 a section of it and another outside file
        assertThat(citations("docs/x.md", fixture("citations-outside.md.txt")))
                .extracting(c -> c.substring(0, c.indexOf(": "))).containsExactly("docs/x.md:1", "docs/x.md:2", "docs/x.md:2");
        assertThat(citations("docs/x.md", fixture("citations-inside.md.txt"))).isEmpty();
    }

    private static List<String> citations(String file, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CITATION.matcher(lines[i]);
            while (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + m.group().strip());
            }
        }
        return found;
    }

    /** Every text file of the working tree except build output and the fixtures above. */
    private static List<Path> repositoryFiles() {
        Path fixtures = path(FIXTURES);
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(fixtures))
                    .filter(p -> ROOT.relativize(p).getNameCount() > 0
                            && Arrays.stream(ROOT.relativize(p).toString().split("/")).noneMatch(NOT_SCANNED::contains))
                    .filter(SelfContainedTest::isText)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8000);
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative(file), e);
        }
    }

    private static String fixture(String name) {
        return read(FIXTURES + "/" + name);
    }
}
