package io.tokenlife.domain.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code DATABASE_URL}: a JDBC URL for H2 (file or memory) or PostgreSQL. */
public record DatabaseSettings(String url) {
    public static final Setting<String> DATABASE_URL = Setting.of("DATABASE_URL",
                    Setting.Kind.startingWith(List.of("jdbc:h2:", "jdbc:postgresql:"),
                            "`jdbc:h2:file:…`, `jdbc:h2:mem:…`, `jdbc:postgresql://…`",
                            "unsupported URL; allowed: jdbc:h2:file:..., jdbc:h2:mem:... or jdbc:postgresql://..."),
                    "jdbc:h2:file:./data/tokenlife", Section.STORAGE)
            .shownAs(DatabaseSettings::redact)
            .doc("Where the registry, revocations and users live: an embedded H2 file by default (one process, "
                    + "development), `jdbc:postgresql://host:5432/db?user=…&password=…` for staging, production and "
                    + "several replicas; `jdbc:h2:mem:…` is ephemeral");

    public static final List<Setting<?>> VARIABLES = List.of(DATABASE_URL);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
    }

    public static DatabaseSettings from(ConfigSource source) {
        return new DatabaseSettings(DATABASE_URL.read(source));
    }

    public boolean isEphemeral() {
        return url.startsWith("jdbc:h2:mem:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** An H2 database inside this process: a file, or memory. */
    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /**
     * The H2 database file's base path ({@code jdbc:h2:file:./data/tokenlife} → {@code ./data/tokenlife}), or
     * nothing for memory, a server, PostgreSQL or a path H2 resolves itself ({@code ~/…}, {@code zip:…}).
     */
    public Optional<Path> h2File() {
        if (!url.startsWith("jdbc:h2:") || !isEmbedded() || isEphemeral()) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.isBlank() || path.startsWith("~") || path.matches("[a-z]{2,}:.*")) {
            return Optional.empty(); // the home directory or zip:, split:, nio...: H2's own resolution
        }
        return Optional.of(Path.of(path));
    }

    /** The URL without credentials, for logs and messages. */
    public String redactedUrl() {
        return redact(url);
    }

    /** {@code url} with its password and any user:password@ part replaced by {@code ***}. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + "]";
    }
}
