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
        return List.copyOf(findings);
    }
}
