package io.tokenlife.app.http.settings;

import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.Section;
import io.tokenlife.domain.settings.Setting;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What only the HTTP service reads: where it listens, how it logs, how it presents itself, its SSO
 * providers and its login limits. Declared here, not in the domain, which never reads them.
 *
 * @param publicUrl the externally visible base URL; empty: the bind address (never the request's Host)
 * @param secureCookies the admin-UI cookie carries {@code Secure}
 */
public record HttpSettings(String host, int port, LogFormat logFormat, Optional<Path> ssoProvidersFile,
                           Optional<URI> publicUrl, boolean secureCookies, LoginLimitSettings loginLimits) {
    public static final Section SERVER = new Section(80, "Server");
    public static final Section SSO = new Section(90, "SSO");

    public static final Setting<Boolean> SECURE_COOKIES = Setting.flag("SECURE_COOKIES", true, LoginLimitSettings.LOGIN)
            .doc("The admin-UI cookie `jwt_token` carries `Secure` (sent over HTTPS only); `false` only for plain-HTTP "
                    + "development");
    public static final Setting<String> HOST = Setting.text("HOST", "127.0.0.1", SERVER)
            .allowing("host name or IP address")
            .doc("HTTP bind address; the default listens on the loopback interface only, use `0.0.0.0` in a container");
    public static final Setting<Integer> PORT = Setting.integer("PORT", 4444, 0, 65_535, SERVER)
            .allowing("`0` to `65535` (`0` picks a free port)")
            .doc("HTTP port");
    public static final Setting<Optional<URI>> PUBLIC_URL = Setting.of("PUBLIC_URL", Setting.Kind.HTTP_URL, null, SERVER)
            .doc("Externally visible base URL (e.g. `https://tokens.example.com` behind a proxy) for the RFC 8414 "
                    + "metadata; unset: the bind address `http://HOST:PORT`, never the request's `Host` header (a "
                    + "startup warning outside development)");
    public static final Setting<LogFormat> LOG_FORMAT = Setting.choice("LOG_FORMAT", LogFormat.class, LogFormat.TEXT, SERVER)
            .doc("Human-readable lines, or one JSON object per line with the `security_event` fields");
    public static final Setting<Optional<Path>> SSO_PROVIDERS_FILE = Setting.path("SSO_PROVIDERS_FILE", SSO)
            .allowing("path to a JSON file")
            .doc("Trusted OIDC providers whose ID tokens `POST /auth/sso/{provider}` exchanges (`id`, `issuer`, "
                    + "`audience`, `jwks_uri` or `jwks_file`, `email_claim`, `auto_create_users`); SSO is off while unset");

    public static final List<Setting<?>> VARIABLES = Stream.of(List.<Setting<?>>of(SECURE_COOKIES),
            LoginLimitSettings.VARIABLES, List.<Setting<?>>of(HOST, PORT, PUBLIC_URL, LOG_FORMAT, SSO_PROVIDERS_FILE))
            .flatMap(List::stream).toList();

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(ssoProvidersFile, "ssoProvidersFile");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(loginLimits, "loginLimits");
    }

    public static HttpSettings from(ConfigSource source) {
        return new HttpSettings(HOST.read(source), PORT.read(source), LOG_FORMAT.read(source),
                SSO_PROVIDERS_FILE.read(source), PUBLIC_URL.read(source), SECURE_COOKIES.read(source),
                LoginLimitSettings.from(source));
    }
}
