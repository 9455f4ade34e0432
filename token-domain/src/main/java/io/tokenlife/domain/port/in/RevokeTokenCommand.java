package io.tokenlife.domain.port.in;

import java.util.Objects;
import java.util.Optional;

/** Revoke one token by jti. {@code revokedBy} is who asked (an e-mail, {@code cli}, ...). */
public record RevokeTokenCommand(String jti, String revokedBy, Optional<String> reason) {
    public RevokeTokenCommand {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
