package io.tokenlife.domain.port.in;

import java.util.Objects;

/** An ID token from provider {@code providerId}, to exchange for a platform session token. */
public record SsoLoginCommand(String providerId, String idToken, String clientAddress) {
    public SsoLoginCommand {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(idToken, "idToken");
    }

    @Override
    public String toString() {
        return "SsoLoginCommand[providerId=" + providerId + "]";
    }
}
