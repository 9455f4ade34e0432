package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.TokenClaims;

/** Signs claims into a compact JWS with the configured algorithm and the current key's {@code kid}. */
public interface TokenSigner {
    String sign(TokenClaims claims);
}
