package io.tokenlife.domain.port.out;

/**
 * The durable store could not be reached. An infrastructure fault, not an outcome: HTTP answers 503
 * {@code service_unavailable}, the CLI exits 1. Nothing was acknowledged.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
