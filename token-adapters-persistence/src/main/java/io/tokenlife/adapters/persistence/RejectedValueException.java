package io.tokenlife.adapters.persistence;

/**
 * The database refused a value (SQL state class 22, data exception, or 23, integrity constraint), e.g. a
 * string longer than its column. Nothing was written. The use cases check every bound before a store is
 * called, so apart from a duplicate key (which the stores turn into an outcome) this is a bug above: an
 * unexpected failure, never "the database is unavailable".
 */
final class RejectedValueException extends IllegalArgumentException {
    private final String sqlState;

    RejectedValueException(String operation, String sqlState, Throwable cause) {
        super("the database refused a value (" + operation + ", SQL state " + sqlState + ")", cause);
        this.sqlState = sqlState;
    }

    String sqlState() {
        return sqlState;
    }
}
