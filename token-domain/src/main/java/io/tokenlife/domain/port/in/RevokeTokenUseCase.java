package io.tokenlife.domain.port.in;

/** Revokes one token; acknowledged only once durable. */
public interface RevokeTokenUseCase {
    RevokeTokenResult revoke(RevokeTokenCommand command);
}
