package io.tokenlife.app.http.settings;

import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.settings.DeploymentEnvironment;

import java.util.ArrayList;
import java.util.List;

/** The HTTP service's part of the startup review: its own settings, judged for the environment. */
public final class HttpSettingsReview {
    private HttpSettingsReview() {
    }

    public static List<ConfigurationFinding> review(HttpSettings http, DeploymentEnvironment environment) {
        List<ConfigurationFinding> findings = new ArrayList<>();
        if (!http.secureCookies() && environment.isProtected()) {
            findings.add(new ConfigurationFinding(ConfigurationFinding.Severity.WARNING, "cookies_not_secure",
                    List.of(HttpSettings.SECURE_COOKIES.name()), "SECURE_COOKIES=false in " + environment.wireName()
                    + ": browsers send the admin-UI session cookie jwt_token over plain HTTP too; set "
                    + "SECURE_COOKIES=true and serve HTTPS (or terminate TLS in front of tokenlife)"));
        }
        if (http.publicUrl().isEmpty() && environment.isProtected()) {
            findings.add(new ConfigurationFinding(ConfigurationFinding.Severity.WARNING, "public_url_unset",
                    List.of(HttpSettings.PUBLIC_URL.name()), "PUBLIC_URL is unset in " + environment.wireName()
                    + ": the RFC 8414 metadata names the bind address http://" + http.host() + ":" + http.port()
                    + " (never the request's Host header), which clients behind a proxy cannot reach; set PUBLIC_URL "
                    + "to the externally visible base URL, e.g. PUBLIC_URL=https://tokens.example.com"));
        }
        return List.copyOf(findings);
    }
}
