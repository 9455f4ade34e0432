package io.tokenlife.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Completes a {@code DATABASE_URL} with the options this adapter relies on. */
final class JdbcUrls {
    private static final String H2 = "jdbc:h2:";
    private static final String H2_MEM = "jdbc:h2:mem:";
    private static final String H2_FILE = "jdbc:h2:file:";

    /** H2's system property for the address its servers bind to, the AUTO_SERVER one included. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private JdbcUrls() {
    }

    /**
     * AUTO_SERVER lets the CLI reach a file the server holds open; it serves processes on this machine
     * only, so it listens on loopback rather than on every interface (H2's default). Must run before H2
     * reads its system properties; an explicit {@code -Dh2.bindAddress} is left alone.
     */
    static void bindH2ServersToLoopback() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
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
            // the lock is a socket this process listens on (on loopback, see bindH2ServersToLoopback): a killed
            // process's lock is seen as stale at once, where H2's default lock file costs the next start 2-6 s
            result = withOption(result, "FILE_LOCK", "SOCKET");
            // a commit writes its changes to the file before it returns (H2's default, 500 ms, loses the last
            // half second of acknowledged writes to a killed process); Database.durably forces them to the device
            result = withOption(result, "WRITE_DELAY", "0");
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

    /** The file an H2 file database is stored in ({@code <path>.mv.db}), whether it exists or not. */
    static Optional<Path> h2File(String url) {
        return h2Path(url).map(p -> p.resolveSibling(p.getFileName() + ".mv.db"));
    }

    private static Optional<Path> h2Path(String url) {
        if (!isH2File(url)) {
            return Optional.empty();
        }
        String path = url.startsWith(H2_FILE) ? url.substring(H2_FILE.length()) : url.substring(H2.length());
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /** Creates the parent directory of an H2 file database, so that the first start just works. */
    static void createH2FileDirectory(String url) {
        Optional<Path> file = h2Path(url);
        if (file.isEmpty()) {
            return;
        }
        Path parent = file.get().getParent();
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
