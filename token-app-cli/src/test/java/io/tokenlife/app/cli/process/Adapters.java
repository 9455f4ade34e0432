package io.tokenlife.app.cli.process;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Assumptions;

import java.time.Clock;
import java.util.Map;

/** Whether the real JWT and persistence adapters are on the classpath yet (they were stubs while the CLI was built). */
final class Adapters {
    private Adapters() {
    }

    static void assumeLanded() {
        TokenlifeSettings settings = TokenlifeSettings.fromMap(Map.of("DATABASE_URL", "jdbc:h2:mem:probe",
                "JWT_SECRET_KEY", "probe-secret-0123456789-0123456789-abcdef"));
        boolean landed;
        try {
            JwtAdapters.create(settings, Clock.systemUTC());
            PersistenceAdapters.open(settings, Clock.systemUTC()).close();
            landed = true;
        } catch (UnsupportedOperationException e) {
            landed = false;
        }
        Assumptions.assumeTrue(landed, "JWT or persistence adapter is still a stub on this branch: skipped");
    }
}
