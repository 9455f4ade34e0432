package io.tokenlife.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Completes a {@code DATABASE_URL} with the options this adapter relies on. */
final class JdbcUrls {
    private static final String H2 = "jdbc:h2:";
    private static final String H2_MEM = "jdbc:h2:mem:";
    private static final String H2_FILE = "jdbc:h2:file:";

    private JdbcUrls() {
    }

    static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    static boolean isH2(String url) {
        return url.startsWith(H2);
    }

    /**
     * H2 runs in PostgreSQL mode with lower-case identifiers so the one set of migrations and queries
     * works on both; an in-memory database lives as long as the JVM, not as long as one connection.
     */
    static String complete(String url) {
        if (!isH2(url)) {
            return url;
        }
        String result = url;
        result = withOption(result, "MODE", "PostgreSQL");
        result = withOption(result, "DATABASE_TO_LOWER", "TRUE");
        result = withOption(result, "DEFAULT_NULL_ORDERING", "HIGH");
        if (url.startsWith(H2_MEM)) {
            result = withOption(result, "DB_CLOSE_DELAY", "-1");
        } else if (isH2File(url)) {
            // the CLI and the server may open the same file: the second one connects through the first
            result = withOption(result, "AUTO_SERVER", "TRUE");
        }
        return result;
    }

    static boolean isH2File(String url) {
        if (!isH2(url) || url.startsWith(H2_MEM)) {
            return false;
        }
        String rest = url.substring(H2.length()).toLowerCase(Locale.ROOT);
        return rest.startsWith("file:") || !(rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    /** Creates the parent directory of an H2 file database, so that the first start just works. */
    static void createH2FileDirectory(String url) {
        if (!isH2File(url)) {
            return;
        }
        String path = url.startsWith(H2_FILE) ? url.substring(H2_FILE.length()) : url.substring(H2.length());
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + parent + " for DATABASE_URL", e);
        }
    }

    private static String withOption(String url, String key, String value) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.contains(";" + key + "=")) {
            return url;
        }
        return url + ";" + key + "=" + value;
    }
}
