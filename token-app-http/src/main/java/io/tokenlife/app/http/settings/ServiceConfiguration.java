package io.tokenlife.app.http.settings;

import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.policy.ConfigurationReview;
import io.tokenlife.domain.policy.UnknownVariables;
import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.DeploymentEnvironment;
import io.tokenlife.domain.settings.SettingsCatalog;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration of the service as a whole: the domain's settings and the HTTP ones, parsed from one
 * source, the catalog of every variable, and the startup review over all of it. The HTTP service runs it
 * at startup and {@code tokenlife config check} prints it, so the two never disagree.
 */
public record ServiceConfiguration(ConfigSource source, TokenlifeSettings domain, HttpSettings http) {
    /** Every variable the service and the CLI read. */
    public static final SettingsCatalog CATALOG = SettingsCatalog.of(TokenlifeSettings.VARIABLES, HttpSettings.VARIABLES);

    public ServiceConfiguration {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(http, "http");
    }

    /** Parses both parts; a bad value throws {@code InvalidSettingsException} naming the variable. */
    public static ServiceConfiguration from(ConfigSource source) {
        return new ServiceConfiguration(source, TokenlifeSettings.from(source), HttpSettings.from(source));
    }

    /** Variables that resemble ours but are not, then the domain's findings, then the HTTP service's. */
    public List<ConfigurationFinding> review() {
        List<ConfigurationFinding> findings = new ArrayList<>(UnknownVariables.review(CATALOG, source.variables().keySet()));
        findings.addAll(ConfigurationReview.review(domain));
        findings.addAll(HttpSettingsReview.review(http, domain.environment()));
        return List.copyOf(findings);
    }

    /**
     * In development, one line on how the same configuration would fare in production, so that the
     * lenient review never hides what staging and production will refuse; empty elsewhere.
     */
    public Optional<String> developmentAdvice() {
        if (domain.environment() != DeploymentEnvironment.DEVELOPMENT) {
            return Optional.empty();
        }
        List<ConfigurationFinding> production = from(source.with(TokenlifeSettings.ENVIRONMENT.name(),
                DeploymentEnvironment.PRODUCTION.wireName())).review();
        if (production.isEmpty()) {
            return Optional.of("ENVIRONMENT=development: in production this configuration would pass the "
                    + "startup review as it is");
        }
        long errors = production.stream().filter(ConfigurationFinding::isError).count();
        long warnings = production.size() - errors;
        String variables = production.stream().flatMap(f -> f.variables().stream())
                .filter(v -> !v.equals(TokenlifeSettings.ENVIRONMENT.name())).distinct()
                .collect(Collectors.joining(", "));
        return Optional.of("ENVIRONMENT=development: in production this configuration would "
                + (errors > 0 ? "be refused with " + errors + " error(s) and " : "get ") + warnings + " warning(s) about "
                + variables + "; see them with: ENVIRONMENT=production bin/tokenlife config check");
    }
}
