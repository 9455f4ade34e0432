package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.settings.InvalidSettingsException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {"providers":[{"id", "issuer", "audience", "jwks_uri" or "jwks_file", "email_claim", "auto_create_users"}]}}.
 * A relative {@code jwks_file} is resolved against the providers file's folder.
 */
final class SsoProvidersFile {
    private static final String VARIABLE = "SSO_PROVIDERS_FILE";

    private SsoProvidersFile() {
    }

    static Map<String, SsoProvider> parse(String json, Path baseDir) {
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new InvalidSettingsException(VARIABLE, "not a JSON object: " + e.getMessage());
        }
        Object list = root.get("providers");
        if (!(list instanceof List<?> entries)) {
            throw new InvalidSettingsException(VARIABLE, "expected {\"providers\": [...]}");
        }
        Map<String, SsoProvider> providers = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new InvalidSettingsException(VARIABLE, "providers[" + i + "] is not an object");
            }
            SsoProvider provider = provider(entry, i, baseDir);
            if (providers.put(provider.id(), provider) != null) {
                throw new InvalidSettingsException(VARIABLE, "provider id '" + provider.id() + "' appears twice");
            }
        }
        return Map.copyOf(providers);
    }

    private static SsoProvider provider(Map<?, ?> entry, int index, Path baseDir) {
        String where = "providers[" + index + "]";
        String id = required(entry, "id", where);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidSettingsException(VARIABLE, where + ".id must be 1-64 letters, digits, '-' or '_'");
        }
        Optional<URI> jwksUri = optional(entry, "jwks_uri", where).map(u -> uri(u, where));
        Optional<Path> jwksFile = optional(entry, "jwks_file", where).map(baseDir::resolve);
        if (jwksUri.isPresent() == jwksFile.isPresent()) {
            throw new InvalidSettingsException(VARIABLE, where + " needs exactly one of jwks_uri and jwks_file");
        }
        Object autoCreate = entry.get("auto_create_users");
        if (autoCreate != null && !(autoCreate instanceof Boolean)) {
            throw new InvalidSettingsException(VARIABLE, where + ".auto_create_users must be true or false");
        }
        return new SsoProvider(id, required(entry, "issuer", where), required(entry, "audience", where),
                jwksUri, jwksFile, optional(entry, "email_claim", where).orElse("email"), Boolean.TRUE.equals(autoCreate));
    }

    private static String required(Map<?, ?> entry, String field, String where) {
        return optional(entry, field, where).orElseThrow(() ->
                new InvalidSettingsException(VARIABLE, where + "." + field + " is required"));
    }

    private static Optional<String> optional(Map<?, ?> entry, String field, String where) {
        Object value = entry.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidSettingsException(VARIABLE, where + "." + field + " must be a non-empty string");
        }
        return Optional.of(s);
    }

    private static URI uri(String value, String where) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new URISyntaxException(value, "scheme must be http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException(VARIABLE, where + ".jwks_uri is not an http(s) URL: " + value);
        }
    }
}
