package io.tokenlife.system.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.service.RevokeAllTokensService;
import io.tokenlife.system.architecture.violations.BuildsAServiceItself;
import org.junit.jupiter.api.Test;

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

    private static void assertFailsOn(ArchRule rule, String violator, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        assertThatThrownBy(() -> rule.check(imported)).isInstanceOf(AssertionError.class).hasMessageContaining(violator);
    }
}
