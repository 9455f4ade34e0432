package io.tokenlife.domain.port.in;

/** Revoke-all for one subject or for the whole platform. */
public interface RevokeAllTokensUseCase {
    RevokeAllTokensResult revokeAll(RevokeAllTokensCommand command);
}
