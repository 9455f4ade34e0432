package io.tokenlife.domain.settings;

import java.util.Objects;

/**
 * Who the platform is to its tokens: the {@code iss} and {@code aud} it stamps and checks, and the
 * environment it runs in (embedded as {@code env} and compared, when those switches are on).
 */
public record PlatformIdentity(String issuer, String audience, DeploymentEnvironment environment) {
    public PlatformIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(environment, "environment");
    }
}
