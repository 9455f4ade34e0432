package io.tokenlife.domain.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP service listens, how it logs, how it presents itself and how it throttles logins.
 *
 * @param publicUrl the externally visible base URL; empty: each request's own
 * @param secureCookies the admin-UI cookie carries {@code Secure}
 */
public record ServerSettings(String host, int port, LogFormat logFormat, Optional<Path> ssoProvidersFile,
                             Optional<URI> publicUrl, boolean secureCookies, LoginLimitSettings loginLimits) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(ssoProvidersFile, "ssoProvidersFile");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(loginLimits, "loginLimits");
    }
}
