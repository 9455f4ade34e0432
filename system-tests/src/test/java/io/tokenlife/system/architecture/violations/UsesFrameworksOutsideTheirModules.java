package io.tokenlife.system.architecture.violations;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTClaimsSet;
import io.javalin.Javalin;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine;

/** Breaks every "framework stays in its module" rule: one class outside all of them uses each framework. */
public final class UsesFrameworksOutsideTheirModules {
    private UsesFrameworksOutsideTheirModules() {
    }

    public static Object[] frameworks() {
        return new Object[] {Caffeine.newBuilder(), new JWTClaimsSet.Builder(), Javalin.class, Jdbi.class,
                CommandLine.class};
    }
}
