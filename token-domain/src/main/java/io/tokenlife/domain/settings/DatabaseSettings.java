package io.tokenlife.domain.settings;

import java.util.Objects;

/** {@code DATABASE_URL}: a JDBC URL for H2 (file or memory) or PostgreSQL. */
public record DatabaseSettings(String url) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
    }

    public boolean isEphemeral() {
        return url.startsWith("jdbc:h2:mem:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for logs and messages. */
    public String redactedUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + "]";
    }
}
