package io.tokenlife.domain.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One configuration variable, declared once next to the settings record that holds it: its name, its
 * type and range (the {@link Kind}, which also parses it), its default, one line of documentation and
 * the section it is listed under. The parser, the startup review, {@code config show}, the near-miss
 * warning and the generated documents all read these declarations.
 *
 * @param defaultValue the text used when the variable is unset or blank
 * @param display how a value is shown by {@code config show}: secrets masked, credentials redacted
 */
public record Setting<T>(String name, Kind<T> kind, Optional<String> defaultValue, Section section, String doc,
                         boolean secret, UnaryOperator<String> display) {
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(display, "display");
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a variable name is upper-case letters, digits and '_': " + name);
        }
    }

    /** The value in {@code source}, or the default; a bad value throws {@link InvalidSettingsException}. */
    public T read(ConfigSource source) {
        return kind.parser().parse(name, source.value(name).or(() -> defaultValue));
    }

    /** The docs' "allowed values" cell: the kind's words unless the declaration says otherwise. */
    public String allowed() {
        return kind.allowed();
    }

    /** Same variable, documented as {@code doc}. */
    public Setting<T> doc(String doc) {
        return new Setting<>(name, kind, defaultValue, section, doc, secret, display);
    }

    /** Same variable, with the docs' "allowed values" cell written out. */
    public Setting<T> allowing(String allowed) {
        return new Setting<>(name, kind.describedAs(allowed), defaultValue, section, doc, secret, display);
    }

    /** A secret: {@code config show} prints {@code ***}, the Helm chart takes it from a Secret. */
    public Setting<T> masked() {
        return new Setting<>(name, kind, defaultValue, section, doc, true, value -> "***");
    }

    /** Shown by {@code config show} through {@code display} (e.g. a URL without its password). */
    public Setting<T> shownAs(UnaryOperator<String> display) {
        return new Setting<>(name, kind, defaultValue, section, doc, secret, display);
    }

    public static Setting<Boolean> flag(String name, boolean byDefault, Section section) {
        return new Setting<>(name, Kind.BOOLEAN, Optional.of(Boolean.toString(byDefault)), section, "", false,
                UnaryOperator.identity());
    }

    public static Setting<Integer> integer(String name, int byDefault, int min, int max, Section section) {
        return new Setting<>(name, Kind.integer(min, max), Optional.of(Integer.toString(byDefault)), section, "", false,
                UnaryOperator.identity());
    }

    /** One of an enum's constants, written in any case; the docs and messages list them in lower case. */
    public static <E extends Enum<E>> Setting<E> choice(String name, Class<E> type, E byDefault, Section section) {
        return new Setting<>(name, Kind.choice(type), Optional.of(byDefault.name().toLowerCase(Locale.ROOT)), section,
                "", false, UnaryOperator.identity());
    }

    public static Setting<String> text(String name, String byDefault, Section section) {
        return of(name, Kind.TEXT, byDefault, section);
    }

    /** An optional secret: no default, never shown. */
    public static Setting<Optional<Secret>> secret(String name, Section section) {
        return of(name, Kind.SECRET, null, section).masked();
    }

    public static Setting<Optional<Path>> path(String name, Section section) {
        return of(name, Kind.PATH, null, section);
    }

    /** A variable of a kind of its own ({@code byDefault} null: no default). */
    public static <T> Setting<T> of(String name, Kind<T> kind, String byDefault, Section section) {
        return new Setting<>(name, kind, Optional.ofNullable(byDefault), section, "", false, UnaryOperator.identity());
    }

    @Override
    public String toString() {
        return "Setting[" + name + "]";
    }

    /** A variable's text (trimmed, non-blank) or nothing, to its value; a bad value names the variable. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String variable, Optional<String> text);
    }

    /**
     * The type and range of a variable: what the parser accepts, and the words and JSON-schema facts the
     * documents and the Helm schema are checked against.
     *
     * @param jsonType {@code boolean}, {@code integer} or {@code string}
     * @param allowed the "allowed values" the docs show
     * @param min the smallest integer, for integers
     * @param max the largest integer, for integers
     * @param choices the allowed values, for choices
     */
    public record Kind<T>(String jsonType, String allowed, Optional<Integer> min, Optional<Integer> max,
                          List<String> choices, Parser<T> parser) {
        public Kind {
            Objects.requireNonNull(jsonType, "jsonType");
            Objects.requireNonNull(allowed, "allowed");
            Objects.requireNonNull(parser, "parser");
            choices = List.copyOf(choices);
        }

        public static final Kind<Boolean> BOOLEAN = new Kind<>("boolean", "boolean", Optional.empty(), Optional.empty(),
                List.of(), (variable, text) -> bool(variable, required(variable, text)));

        public static final Kind<String> TEXT = new Kind<>("string", "non-empty string", Optional.empty(),
                Optional.empty(), List.of(), Kind::required);

        public static final Kind<Optional<Secret>> SECRET = new Kind<>("string", "any string", Optional.empty(),
                Optional.empty(), List.of(), (variable, text) -> text.map(Secret::new));

        public static final Kind<Optional<Path>> PATH = new Kind<>("string", "a file path", Optional.empty(),
                Optional.empty(), List.of(), (variable, text) -> text.map(Path::of));

        /** An absolute http(s) URL, or nothing. */
        public static final Kind<Optional<URI>> HTTP_URL = new Kind<>("string", "an absolute `http://` or `https://` URL",
                Optional.empty(), Optional.empty(), List.of(), Kind::httpUrl);

        /** An e-mail address, stored lower-case. */
        public static final Kind<String> EMAIL = new Kind<>("string", "an e-mail address (stored lower-case)",
                Optional.empty(), Optional.empty(), List.of(), Kind::email);

        public static Kind<Integer> integer(int min, int max) {
            return new Kind<>("integer", "`" + min + "` to `" + max + "`", Optional.of(min), Optional.of(max), List.of(),
                    (variable, text) -> integer(variable, required(variable, text), min, max));
        }

        /** An enum constant in any case. */
        public static <E extends Enum<E>> Kind<E> choice(Class<E> type) {
            List<String> names = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            return new Kind<>("string", names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + " (any case)", Optional.empty(), Optional.empty(), names,
                    (variable, text) -> oneOf(variable, required(variable, text), type, names));
        }

        /** A string from a fixed list, spelled exactly. */
        public static Kind<String> exactly(List<String> values) {
            return new Kind<>("string", values.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + " (exact spelling)", Optional.empty(), Optional.empty(), values, (variable, text) -> {
                String value = required(variable, text);
                if (!values.contains(value)) {
                    throw new InvalidSettingsException(variable, "'" + value + "' is not allowed; allowed: "
                            + String.join(", ", values));
                }
                return value;
            });
        }

        /** Non-empty text that must start with one of {@code prefixes}; {@code refusal} says what is allowed. */
        public static Kind<String> startingWith(List<String> prefixes, String allowed, String refusal) {
            return new Kind<>("string", allowed, Optional.empty(), Optional.empty(), List.of(), (variable, text) -> {
                String value = required(variable, text);
                if (prefixes.stream().noneMatch(value::startsWith)) {
                    throw new InvalidSettingsException(variable, refusal);
                }
                return value;
            });
        }

        Kind<T> describedAs(String words) {
            return new Kind<>(jsonType, words, min, max, choices, parser);
        }

        private static String required(String variable, Optional<String> text) {
            return text.orElseThrow(() -> new InvalidSettingsException(variable, "must not be empty"));
        }

        private static boolean bool(String variable, String text) {
            String value = text.toLowerCase(Locale.ROOT);
            switch (value) {
                case "true", "1", "yes", "on":
                    return true;
                case "false", "0", "no", "off":
                    return false;
                default:
                    throw new InvalidSettingsException(variable,
                            "'" + value + "' is not a boolean; allowed: true, false (also 1/0, yes/no, on/off)");
            }
        }

        private static int integer(String variable, String value, int min, int max) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new InvalidSettingsException(variable, parsed + " is out of range; allowed: " + min + " to " + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException(variable,
                        "'" + value + "' is not a whole number; allowed: " + min + " to " + max);
            }
        }

        private static <E extends Enum<E>> E oneOf(String variable, String value, Class<E> type, List<String> names) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(variable, "'" + value + "' is not allowed; allowed: "
                        + String.join(", ", names));
            }
        }

        private static String email(String variable, Optional<String> text) {
            String value = required(variable, text);
            if (!value.matches("[^@\\s]+@[^@\\s]+")) {
                throw new InvalidSettingsException(variable, "'" + value + "' is not an e-mail address");
            }
            return value.toLowerCase(Locale.ROOT);
        }

        private static Optional<URI> httpUrl(String variable, Optional<String> text) {
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                URI uri = new URI(text.get());
                if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                    throw new URISyntaxException(text.get(), "not absolute");
                }
                return Optional.of(uri);
            } catch (URISyntaxException e) {
                throw new InvalidSettingsException(variable, "'" + text.get()
                        + "' is not an absolute http(s) URL; allowed: e.g. https://tokens.example.com");
            }
        }
    }
}
