package io.tokenlife.domain.port.in;

/**
 * Exchanges a refresh token for a new access token and a new refresh token of the same family; the
 * presented one is spent. A spent token presented again (outside the grace window) revokes its family.
 */
public interface RefreshSessionUseCase {
    RefreshSessionResult refresh(RefreshSessionCommand command);
}
