package io.tokenlife.app.cli.port;

import io.tokenlife.domain.port.in.ValidateTokenUseCase;

/**
 * Validation without the database: no revocation or user is known and {@code REQUIRE_USER_IN_DB} is not
 * applied.
 */
@FunctionalInterface
public interface OfflineValidating extends ValidateTokenUseCase {
}
