package io.tokenlife.app.cli.port;

import io.tokenlife.domain.settings.TokenlifeSettings;

/** The configuration (environment plus {@code .env}), parsed on first use. */
@FunctionalInterface
public interface Configuration {
    /** @throws io.tokenlife.domain.settings.InvalidSettingsException naming the variable of a bad value */
    TokenlifeSettings settings();
}
