package io.tokenlife.domain.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
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

    /** A utility that holds only static members (constants, pure functions) is not a model value. */
    private static final DescribedPredicate<JavaClass> HOLDING_ONLY_STATIC_MEMBERS = DescribedPredicate.describe(
            "hold only static members", c -> c.getFields().stream().allMatch(f -> f.getModifiers().contains(JavaModifier.STATIC))
                    && c.getMethods().stream().allMatch(m -> m.getModifiers().contains(JavaModifier.STATIC))
                    && c.getConstructors().stream().allMatch(k -> k.getModifiers().contains(JavaModifier.PRIVATE)));

    @ArchTest
    static final ArchRule services_use_only_ports_policies_model_and_settings = classes()
            .that().resideInAPackage("io.tokenlife.domain.service..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tokenlife.domain.service..",
                    "io.tokenlife.domain.port..", "io.tokenlife.domain.policy..", "io.tokenlife.domain.model..",
                    "io.tokenlife.domain.settings..", "io.tokenlife.domain.revocation..", "java..");

    @ArchTest
    static final ArchRule domain_model_classes_are_records = classes()
            .that().resideInAPackage("io.tokenlife.domain.model..").and().areTopLevelClasses()
            .and().areNotEnums().and().areNotInterfaces().and(DescribedPredicate.not(HOLDING_ONLY_STATIC_MEMBERS))
            .should().beRecords();

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
