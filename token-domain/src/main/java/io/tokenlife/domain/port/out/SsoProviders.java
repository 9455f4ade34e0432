package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.SsoProvider;

import java.util.Optional;

/** The trusted providers, by id. */
public interface SsoProviders {
    Optional<SsoProvider> find(String id);

    static SsoProviders none() {
        return id -> Optional.empty();
    }
}
