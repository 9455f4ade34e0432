package io.tokenlife.docs;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository the module lives in, read from the module directory ({@code ..}), and a YAML loader. */
final class RepositoryFiles {
    static final Path ROOT = locateRoot();

    private RepositoryFiles() {
    }

    private static Path locateRoot() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("docs-check"))) {
            throw new IllegalStateException("run from the docs-check module directory; " + root + " is not the repository root");
        }
        return root;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file.toAbsolutePath().normalize()), e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String relative(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Regular files under {@code dir} whose name ends with one of {@code suffixes}, sorted. */
    static List<Path> filesUnder(String dir, String... suffixes) {
        Path start = path(dir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one YAML document. Tags such as mkdocs' {@code !!python/name:...} are kept as their tag
     * text rather than refused: they are valid YAML, only their meaning belongs to Python.
     */
    static Object loadYaml(String text) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
        return new Load(settings, new LenientConstructor(settings)).loadFromString(text);
    }

    private static final class LenientConstructor extends StandardConstructor {
        LenientConstructor(LoadSettings settings) {
            super(settings);
        }

        @Override
        protected Optional<ConstructNode> findConstructorFor(Node node) {
            Optional<ConstructNode> known = super.findConstructorFor(node);
            if (known.isPresent() || !(node instanceof ScalarNode)) {
                return known;
            }
            return Optional.of(n -> n.getTag().getValue() + " " + ((ScalarNode) n).getValue());
        }
    }
}
