package io.tokenlife.domain.model;

import java.util.Objects;

/** The JOSE header fields the domain cares about. */
public record TokenHeader(String algorithm, String keyId, String type) {
    public TokenHeader {
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
