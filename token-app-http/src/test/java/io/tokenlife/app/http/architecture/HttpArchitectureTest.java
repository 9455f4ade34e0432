package io.tokenlife.app.http.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import io.tokenlife.app.http.HttpApplication;
import io.tokenlife.app.http.HttpComposition;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.domain.settings.Secret;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.tokenlife", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpArchitectureTest {

    /** The feature packages of the JSON API ({@code io.tokenlife.app.http.<feature>}), each with its {@code Endpoints}. */
    static final List<String> FEATURE_NAMES = List.of("token", "oauth", "identity", "key", "user", "discovery", "ops");
    static final String[] FEATURES = FEATURE_NAMES.stream().map(f -> "io.tokenlife.app.http." + f + "..")
            .toArray(String[]::new);

    /**
     * A feature reaches the domain through its use cases and the values they take and return; the HTTP plumbing
     * through {@code web} and Javalin (with the servlet request under it). Of the settings only {@link Secret}, the wrapper of a password. Another feature's
     * package is named here only for the next rule to say no.
     */
    @ArchTest
    static final ArchRule a_feature_uses_only_use_cases_domain_values_the_web_plumbing_and_javalin = classes()
            .that().resideInAnyPackage(FEATURES)
            .should().onlyDependOnClassesThat(resideInAnyPackage(concat(FEATURES, "io.tokenlife.app.http.web..",
                    "io.tokenlife.domain.port.in..", "io.tokenlife.domain.model..", "io.tokenlife.domain.policy..",
                    "io.javalin..", "jakarta.servlet..", "com.fasterxml.jackson.annotation..", "io.micrometer..", "org.slf4j..", "java.."))
                    .or(equivalentTo(Secret.class)));

    @ArchTest
    static final ArchRule no_feature_uses_another_features_package = slices()
            .matching("io.tokenlife.app.http.(*)..").that(isAFeature())
            .should().notDependOnEachOther();

    /** Each feature is constructed with the use cases it calls, in the one list of features. */
    @ArchTest
    static final ArchRule only_the_http_application_and_the_composition_root_construct_endpoints = noClasses()
            .that().doNotHaveFullyQualifiedName(HttpApplication.class.getName())
            .and().doNotHaveFullyQualifiedName(HttpComposition.class.getName())
            .should().callConstructorWhere(describe("a constructor of an Endpoints",
                    call -> call.getTargetOwner().isAssignableTo(Endpoints.class)));

    /** So that every feature is under the rules above. */
    @ArchTest
    static final ArchRule every_endpoints_class_lives_in_a_listed_feature_package = classes()
            .that().implement(Endpoints.class)
            .should().resideInAnyPackage(FEATURES);

    /** Handlers stay package-private beside their endpoints; what a feature shows is its answers, as records. */
    @ArchTest
    static final ArchRule the_public_classes_of_a_feature_are_its_endpoints_and_records = classes()
            .that().resideInAnyPackage(FEATURES).and().arePublic().and().areNotInterfaces()
            .and().doNotImplement(Endpoints.class)
            .should().beRecords();

    @ArchTest
    static final ArchRule only_the_composition_root_touches_adapter_packages = noClasses()
            .that().resideInAPackage("io.tokenlife.app.http..")
            .and().doNotHaveFullyQualifiedName("io.tokenlife.app.http.HttpComposition")
            .should().dependOnClassesThat().resideInAPackage("io.tokenlife.adapters..");

    @ArchTest
    static final ArchRule the_http_application_gets_the_domain_as_use_cases_never_adapters_or_outbound_ports = noClasses()
            .that().haveFullyQualifiedName("io.tokenlife.app.http.HttpApplication")
            .should().dependOnClassesThat().resideInAnyPackage("io.tokenlife.adapters..", "io.tokenlife.domain.port.out..");

    @ArchTest
    static final ArchRule javalin_stays_in_the_http_module = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.app.http..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..");

    /** The log is the service's output; only the entry point answers --help and --version on the terminal. */
    @ArchTest
    static final ArchRule only_http_main_writes_to_standard_output = noClasses()
            .that().resideInAPackage("io.tokenlife.app.http..")
            .and().doNotHaveFullyQualifiedName("io.tokenlife.app.http.HttpMain")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    /** The CLI reads the service's variables through this package without the server's libraries on its class path. */
    @ArchTest
    static final ArchRule the_http_settings_depend_only_on_the_domain_and_the_jdk = classes()
            .that().resideInAPackage("io.tokenlife.app.http.settings..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tokenlife.app.http.settings..",
                    "io.tokenlife.domain.settings..", "io.tokenlife.domain.policy..", "java..");

    @ArchTest
    static final ArchRule http_code_does_not_use_java_util_logging = noClasses()
            .that().resideInAPackage("io.tokenlife.app.http..")
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..");

    @ArchTest
    static final ArchRule the_http_module_has_no_package_cycles = slices()
            .matching("io.tokenlife.app.http.(*)..").should().beFreeOfCycles();

    private static DescribedPredicate<Slice> isAFeature() {
        return describe("features " + FEATURE_NAMES, slice -> FEATURE_NAMES.contains(slice.getNamePart(1)));
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }
}
