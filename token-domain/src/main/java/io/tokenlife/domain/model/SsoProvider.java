package io.tokenlife.domain.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A trusted OIDC provider from {@code SSO_PROVIDERS_FILE}: its ID tokens are verified against its own
 * keys (a JWKS URL or file), issuer and audience, never against ours.
 */
public record SsoProvider(String id, String issuer, String audience, Optional<URI> jwksUri, Optional<Path> jwksFile,
                          String emailClaim, boolean autoCreateUsers) {
    public SsoProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(jwksFile, "jwksFile");
        emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim;
        if (jwksUri.isPresent() == jwksFile.isPresent()) {
            throw new IllegalArgumentException("provider '" + id + "' needs exactly one of jwks_uri and jwks_file");
        }
    }
}
