package io.tokenlife.app.cli.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.tokenlife.app.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule subcommands_use_domain_use_cases_never_adapters_the_wiring_services_or_the_assembly = noClasses()
            .that().resideInAPackage("io.tokenlife.app.cli.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tokenlife.adapters..", "io.tokenlife.app.cli.wiring..",
                    "io.tokenlife.domain.service..", "io.tokenlife.domain.assembly..");

    /** One condition only: {@code orShould} would let a class pass the whitelist by meeting the other condition. */
    @ArchTest
    static final ArchRule subcommands_reach_the_domain_only_through_use_cases_ports_model_settings_and_policies = classes()
            .that().resideInAPackage("io.tokenlife.app.cli.command..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tokenlife.app.cli.command..",
                    "io.tokenlife.app.cli.port..", "io.tokenlife.domain.port..", "io.tokenlife.domain.model..",
                    "io.tokenlife.domain.settings..", "io.tokenlife.domain.policy..", "picocli..",
                    "com.fasterxml.jackson..", "java..");

    @ArchTest
    static final ArchRule only_the_composition_root_touches_adapter_packages = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.app.cli.wiring..")
            .should().dependOnClassesThat().resideInAPackage("io.tokenlife.adapters..");

    @ArchTest
    static final ArchRule picocli_stays_in_the_entry_point_and_the_commands = noClasses()
            .that().resideInAnyPackage("io.tokenlife.app.cli.port..", "io.tokenlife.app.cli.wiring..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule only_cli_main_writes_to_the_standard_streams = noClasses()
            .that().doNotHaveSimpleName("CliMain")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(System.class, "exit", int.class);

    @ArchTest
    static final ArchRule the_cli_does_not_use_java_util_logging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..");

    @ArchTest
    static final ArchRule the_cli_has_no_package_cycles = slices()
            .matching("io.tokenlife.app.cli.(**)").should().beFreeOfCycles();
}
