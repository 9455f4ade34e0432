package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.TokenRecord;

import java.util.Optional;

/** One registry row by jti: metadata, never the token. */
public interface FindTokenUseCase {
    Optional<TokenRecord> find(String jti);
}
