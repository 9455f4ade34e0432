package io.tokenlife.app.cli.wiring;

import io.tokenlife.app.cli.port.ConfigurationTool;
import io.tokenlife.app.http.settings.ServiceConfiguration;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.policy.UnknownVariables;
import io.tokenlife.domain.settings.ConfigSources;

import java.util.List;
import java.util.function.Supplier;

/** {@link ConfigurationTool} over the service's own catalog and review, so the CLI judges as the server does. */
public final class ServiceConfigurationTool implements ConfigurationTool {
    private final Supplier<ConfigSources> sources;

    public ServiceConfigurationTool(Supplier<ConfigSources> sources) {
        this.sources = sources;
    }

    @Override
    public List<ConfigurationFinding> review() {
        return ServiceConfiguration.from(sources.get().merged()).review();
    }

    @Override
    public List<ConfigSources.Effective> effective() {
        return sources.get().effective(ServiceConfiguration.CATALOG);
    }

    @Override
    public List<ConfigurationFinding> unknownVariables() {
        return UnknownVariables.review(ServiceConfiguration.CATALOG, sources.get().names());
    }
}
