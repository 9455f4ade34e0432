package io.tokenlife.domain.policy;

import io.tokenlife.domain.policy.ConfigurationFinding.Severity;
import io.tokenlife.domain.settings.SettingsCatalog;

import java.util.Collection;
import java.util.List;

/**
 * A variable that is almost one of ours ({@code ENVIROMENT}, {@code JWT_SECRET}, {@code REQUIRE_JIT}) is
 * ignored by the parser; this part of the startup review says so, naming the variable it resembles.
 */
public final class UnknownVariables {
    public static final String CODE = "unknown_variable";

    private UnknownVariables() {
    }

    /** A warning per name in {@code names} that is not in {@code catalog} but resembles one that is. */
    public static List<ConfigurationFinding> review(SettingsCatalog catalog, Collection<String> names) {
        return catalog.nearMisses(names).stream()
                .map(miss -> new ConfigurationFinding(Severity.WARNING, CODE, List.of(miss.closest()),
                        miss.name() + " is not a tokenlife variable and is ignored; did you mean " + miss.closest() + "?"))
                .toList();
    }
}
