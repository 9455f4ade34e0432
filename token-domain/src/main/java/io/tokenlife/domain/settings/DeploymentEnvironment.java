package io.tokenlife.domain.settings;

import java.util.Locale;

/** The {@code ENVIRONMENT} a process runs in. */
public enum DeploymentEnvironment {
    DEVELOPMENT, STAGING, PRODUCTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Staging and production are held to production rules for keys and passwords. */
    public boolean isProtected() {
        return this != DEVELOPMENT;
    }
}
