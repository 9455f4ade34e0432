package io.tokenlife.adapters.persistence;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The adapter's own walls. That Jdbi, Flyway and JDBC stay in this adapter is checked in system-tests,
 * whose classpath holds the modules that could break it (this module's holds only itself and the domain).
 */
@AnalyzeClasses(packages = "io.tokenlife", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceArchitectureTest {

    @ArchTest
    static final ArchRule only_the_entry_point_and_its_options_are_public = classes()
            .that().resideInAPackage("io.tokenlife.adapters.persistence")
            .and().doNotHaveSimpleName("PersistenceAdapters")
            .and().doNotHaveSimpleName("PersistenceOptions")
            .should().notBePublic();

    @ArchTest
    static final ArchRule the_adapter_never_writes_to_standard_output = noClasses()
            .that().resideInAPackage("io.tokenlife.adapters.persistence..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule the_adapter_depends_on_domain_ports_not_services = noClasses()
            .that().resideInAPackage("io.tokenlife.adapters.persistence..")
            .should().dependOnClassesThat().resideInAPackage("io.tokenlife.domain.service..");
}
