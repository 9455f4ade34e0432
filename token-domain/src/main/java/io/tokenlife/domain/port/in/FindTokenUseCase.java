package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.TokenRecord;

import java.util.Optional;

/** One registry row by jti: metadata, never the token; empty when unknown or not the actor's to see. */
public interface FindTokenUseCase {
    Optional<TokenRecord> find(FindTokenQuery query);
}
