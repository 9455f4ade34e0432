package io.tokenlife.app.http.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.tokenlife", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpArchitectureTest {

    /** The feature packages of the JSON API, each with its {@code Endpoints}. */
    static final String[] FEATURES = {"io.tokenlife.app.http.token..", "io.tokenlife.app.http.oauth..",
            "io.tokenlife.app.http.identity..", "io.tokenlife.app.http.key..", "io.tokenlife.app.http.user..",
            "io.tokenlife.app.http.discovery..", "io.tokenlife.app.http.ops.."};

    @ArchTest
    static final ArchRule handlers_use_single_use_cases_and_the_model_never_adapters_outbound_ports_or_the_assembly = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage("io.tokenlife.adapters..",
                    "io.tokenlife.domain.port.out..", "io.tokenlife.domain.service..", "io.tokenlife.domain.assembly..");

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
    static final ArchRule dtos_are_records = classes()
            .that().resideInAnyPackage(FEATURES).and().arePublic().and().areNotInterfaces()
            .and().haveSimpleNameNotEndingWith("Endpoints")
            .should().beRecords();

    @ArchTest
    static final ArchRule the_http_module_has_no_package_cycles = slices()
            .matching("io.tokenlife.app.http.(*)..").should().beFreeOfCycles();
}
