package io.tokenlife.system.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules that need every module's classes to mean what they say, so they live here, where the classpath
 * holds them all. Each rule is a constant so that {@link RulesFailOnViolationsTest} can show it failing.
 */
final class PlatformRules {
    private PlatformRules() {
    }

    /** A service implementing a use case (a class of {@code domain.service} that implements a {@code port.in} interface). */
    private static final DescribedPredicate<JavaConstructorCall> A_USE_CASE_SERVICE = DescribedPredicate.describe(
            "a constructor of a use-case service", call -> isUseCaseService(call.getTargetOwner()));

    static final ArchRule ONLY_THE_ASSEMBLY_CONSTRUCTS_SERVICES = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.domain.assembly..")
            .should().callConstructorWhere(A_USE_CASE_SERVICE)
            .because("the use cases are built once, in io.tokenlife.domain.assembly.UseCases, from ports and settings");

    private static boolean isUseCaseService(JavaClass owner) {
        return owner.getPackageName().equals("io.tokenlife.domain.service")
                && owner.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().equals("io.tokenlife.domain.port.in"));
    }
}
