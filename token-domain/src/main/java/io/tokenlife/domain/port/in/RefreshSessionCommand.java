package io.tokenlife.domain.port.in;

import java.util.Objects;

/** A presented refresh token (as the client sent it) and the client's address, for the security events. */
public record RefreshSessionCommand(String refreshToken, String clientAddress) {
    public RefreshSessionCommand {
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "RefreshSessionCommand[client=" + clientAddress + "]";
    }
}
