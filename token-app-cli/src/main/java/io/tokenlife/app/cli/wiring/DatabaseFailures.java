package io.tokenlife.app.cli.wiring;

import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.domain.settings.DatabaseSettings;

/** Turns whatever the driver, pool or migrations threw into one sentence that names the database, without credentials. */
final class DatabaseFailures {
    private DatabaseFailures() {
    }

    static DatabaseUnavailableException unavailable(DatabaseSettings database, Throwable e) {
        if (e instanceof DatabaseUnavailableException known) {
            return known;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        why = redact(why.replace(database.url(), database.redactedUrl())).lines().findFirst().orElse("");
        return new DatabaseUnavailableException("database " + database.redactedUrl() + " cannot be used: " + why
                + " (check DATABASE_URL)", e);
    }

    /** The same rules as {@link DatabaseSettings#redactedUrl()}, applied to any text. */
    private static String redact(String text) {
        return text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***").replaceAll("//[^/@\\s]*:[^/@\\s]*@", "//***@");
    }
}
