package io.tokenlife.domain.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.archfixture.MutableHolder;
import io.tokenlife.domain.service.archfixture.ServiceThatWiresItself;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule fails on a class made to break it (the fixtures live in test sources, outside the real scan). */
class RulesFailOnViolationsTest {
    @Test
    void domainModelClassesAreRecordsFailsOnAMutableClassAndSparesRecordsAndStaticUtilities() {
        assertFails(DomainArchitectureTest.domain_model_classes_are_records, MutableHolder.class);
        assertThatCode(() -> DomainArchitectureTest.domain_model_classes_are_records
                .check(new ClassFileImporter().importClasses(TokenClaims.class, ClaimsJson.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void servicesUseOnlyPortsPoliciesModelAndSettingsFailsOnAServiceThatReachesTheAssembly() {
        assertFails(DomainArchitectureTest.services_use_only_ports_policies_model_and_settings, ServiceThatWiresItself.class);
    }

    private static void assertFails(ArchRule rule, Class<?> violator) {
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(violator)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(violator.getSimpleName());
    }
}
