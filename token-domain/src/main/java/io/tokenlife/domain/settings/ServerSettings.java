package io.tokenlife.domain.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the HTTP service listens and how it logs. */
public record ServerSettings(String host, int port, LogFormat logFormat, Optional<Path> ssoProvidersFile) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(ssoProvidersFile, "ssoProvidersFile");
    }
}
