package io.tokenlife.app.http.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tokenlife.app.http.archfixture.EndpointsOutsideAFeature;
import io.tokenlife.app.http.token.TokenMetadata;
import io.tokenlife.app.http.user.UserEndpoints;
import io.tokenlife.app.http.user.UserView;
import io.tokenlife.app.http.user.archfixture.UserHandlerThatReachesTooFar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each feature rule fails on a class made to break it (fixtures outside the real scan), and passes a real feature. */
class RulesFailOnViolationsTest {
    @Test
    void aFeatureClassThatTakesTheWholeAssemblyBreaksTheDependencyRule() {
        assertFailsOn(HttpArchitectureTest.a_feature_uses_only_use_cases_domain_values_the_web_plumbing_and_javalin,
                "UseCases", UserHandlerThatReachesTooFar.class);
    }

    @Test
    void aFeatureThatUsesAnotherFeaturesDtoBreaksTheSliceRule() {
        assertFailsOn(HttpArchitectureTest.no_feature_uses_another_features_package, "TokenMetadata",
                UserHandlerThatReachesTooFar.class, TokenMetadata.class);
    }

    @Test
    void endpointsBuiltOutsideTheRootsBreakTheConstructionRule() {
        assertFailsOn(HttpArchitectureTest.only_the_http_application_and_the_composition_root_construct_endpoints,
                "UserEndpoints", UserHandlerThatReachesTooFar.class, UserEndpoints.class);
    }

    @Test
    void endpointsOutsideTheListedFeaturesBreakTheirRule() {
        assertFailsOn(HttpArchitectureTest.every_endpoints_class_lives_in_a_listed_feature_package,
                "EndpointsOutsideAFeature", EndpointsOutsideAFeature.class);
    }

    @Test
    void aPublicFeatureClassThatIsNeitherEndpointsNorARecordBreaksTheVisibilityRule() {
        assertFailsOn(HttpArchitectureTest.the_public_classes_of_a_feature_are_its_endpoints_and_records,
                "UserHandlerThatReachesTooFar", UserHandlerThatReachesTooFar.class);
    }

    @Test
    void theUserFeatureItselfPassesEveryFeatureRule() {
        var imported = new ClassFileImporter().importClasses(UserEndpoints.class, UserView.class, TokenMetadata.class);
        for (ArchRule rule : new ArchRule[] {
                HttpArchitectureTest.a_feature_uses_only_use_cases_domain_values_the_web_plumbing_and_javalin,
                HttpArchitectureTest.no_feature_uses_another_features_package,
                HttpArchitectureTest.only_the_http_application_and_the_composition_root_construct_endpoints,
                HttpArchitectureTest.every_endpoints_class_lives_in_a_listed_feature_package,
                HttpArchitectureTest.the_public_classes_of_a_feature_are_its_endpoints_and_records}) {
            assertThatCode(() -> rule.check(imported)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    private static void assertFailsOn(ArchRule rule, String violation, Class<?>... classes) {
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(classes)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(violation);
    }
}
