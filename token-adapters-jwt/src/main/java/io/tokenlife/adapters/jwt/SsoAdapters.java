package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.settings.InvalidSettingsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The SSO side of the JWT adapter: trusted providers read from {@code SSO_PROVIDERS_FILE}, and a verifier
 * of their ID tokens against each provider's own keys (JWKS URL, cached and refreshed, or JWKS file).
 */
public final class SsoAdapters {
    private final Map<String, SsoProvider> providers;
    private final NimbusExternalTokenVerifier verifier;

    private SsoAdapters(Map<String, SsoProvider> providers, Duration leeway) {
        this.providers = providers;
        this.verifier = new NimbusExternalTokenVerifier(leeway);
    }

    /** No file: no providers. A file that cannot be read or parsed stops startup, naming the variable. */
    public static SsoAdapters load(Optional<Path> providersFile, Duration leeway) {
        if (providersFile.isEmpty()) {
            return new SsoAdapters(Map.of(), leeway);
        }
        Path path = providersFile.get();
        String json;
        try {
            json = Files.readString(path);
        } catch (IOException e) {
            throw new InvalidSettingsException("SSO_PROVIDERS_FILE", "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        return new SsoAdapters(SsoProvidersFile.parse(json, path.toAbsolutePath().getParent()), leeway);
    }

    public SsoProviders providers() {
        return id -> Optional.ofNullable(providers.get(id));
    }

    public ExternalTokenVerifier verifier() {
        return verifier;
    }
}
