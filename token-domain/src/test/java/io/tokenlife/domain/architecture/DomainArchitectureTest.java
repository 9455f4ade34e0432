package io.tokenlife.domain.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.tokenlife.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("io.tokenlife.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tokenlife.domain..", "java..");

    @ArchTest
    static final ArchRule services_use_only_ports_policies_model_and_settings = noClasses()
            .that().resideInAPackage("..domain.service..")
            .should().dependOnClassesThat().resideInAPackage("..adapters..");

    @ArchTest
    static final ArchRule ports_do_not_know_services = noClasses()
            .that().resideInAPackage("..domain.port..")
            .should().dependOnClassesThat().resideInAPackage("..domain.service..");

    @ArchTest
    static final ArchRule model_and_policy_do_not_know_services = noClasses()
            .that().resideInAnyPackage("..domain.model..", "..domain.policy..")
            .should().dependOnClassesThat().resideInAPackage("..domain.service..");

    @ArchTest
    static final ArchRule the_domain_never_writes_to_standard_output = noClasses()
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule the_domain_does_not_use_java_util_logging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..");

    @ArchTest
    static final ArchRule the_domain_has_no_package_cycles = slices()
            .matching("io.tokenlife.domain.(*)..").should().beFreeOfCycles();
}
