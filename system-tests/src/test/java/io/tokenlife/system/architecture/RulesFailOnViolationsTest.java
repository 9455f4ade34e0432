package io.tokenlife.system.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.service.RevokeAllTokensService;
import io.tokenlife.system.architecture.violations.BuildsAServiceItself;
import io.tokenlife.system.architecture.violations.ReadsTheClockAndRandomness;
import io.tokenlife.system.architecture.violations.UsesFrameworksOutsideTheirModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each platform rule fails on a class made to break it, so a rule that checks nothing cannot pass unseen. */
class RulesFailOnViolationsTest {
    @Test
    void onlyTheAssemblyConstructsServicesFailsOnARootThatBuildsOneItself() {
        assertFailsOn(PlatformRules.ONLY_THE_ASSEMBLY_CONSTRUCTS_SERVICES, "BuildsAServiceItself",
                BuildsAServiceItself.class, RevokeAllTokensService.class, RevokeAllTokensUseCase.class);
        assertThatCode(() -> PlatformRules.ONLY_THE_ASSEMBLY_CONSTRUCTS_SERVICES
                .check(new ClassFileImporter().importClasses(RevokeAllTokensService.class))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Instant.now()", "UUID.randomUUID()", "System.currentTimeMillis()"})
    void readingTheTimeOrRandomnessDirectlyFailsEachWay(String call) {
        assertFailsOn(PlatformRules.TIME_AND_RANDOMNESS_COME_FROM_THE_CLOCK_AND_THE_JTI_GENERATOR, call,
                ReadsTheClockAndRandomness.class);
    }

    @Test
    void everyFrameworkRuleFailsOnAClassOutsideTheFrameworksModule() {
        for (ArchRule rule : new ArchRule[] {PlatformRules.NIMBUS_AND_TINK_STAY_IN_THE_JWT_ADAPTER,
                PlatformRules.CAFFEINE_STAYS_IN_THE_ADAPTERS_AND_THE_LOGIN_THROTTLE,
                PlatformRules.JDBC_STAYS_IN_THE_PERSISTENCE_ADAPTER, PlatformRules.JAVALIN_STAYS_IN_THE_HTTP_APP,
                PlatformRules.PICOCLI_STAYS_IN_THE_CLI}) {
            assertFailsOn(rule, "UsesFrameworksOutsideTheirModules", UsesFrameworksOutsideTheirModules.class);
        }
    }

    private static void assertFailsOn(ArchRule rule, String violation, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        assertThatThrownBy(() -> rule.check(imported)).isInstanceOf(AssertionError.class).hasMessageContaining(violation);
    }
}
