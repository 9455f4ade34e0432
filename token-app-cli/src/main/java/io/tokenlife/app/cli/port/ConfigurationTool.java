package io.tokenlife.app.cli.port;

import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.settings.ConfigSources;

import java.util.List;

/**
 * The configuration of the service as a whole (the domain's variables and the HTTP service's), read from
 * the environment and {@code .env} as the service reads it: for {@code config check} and {@code config show}.
 */
public interface ConfigurationTool {
    /**
     * The startup review the service would run: unknown-but-similar variables, then the findings.
     * @throws io.tokenlife.domain.settings.InvalidSettingsException for a value the service would refuse
     */
    List<ConfigurationFinding> review();

    /** Every variable with its effective value (secrets masked) and where it comes from, in catalog order. */
    List<ConfigSources.Effective> effective();

    /** Variables that are set, are not ours, but look like ours: a warning each, whatever the command. */
    List<ConfigurationFinding> unknownVariables();
}
