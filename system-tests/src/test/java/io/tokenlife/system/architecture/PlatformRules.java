package io.tokenlife.system.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Instant;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules that need every module's classes to mean what they say, so they live here, where the classpath
 * holds them all (a module's own test sees only itself and what it depends on). Each rule is a constant
 * so that {@link RulesFailOnViolationsTest} can show it failing on a class that breaks it.
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

    static final ArchRule TIME_AND_RANDOMNESS_COME_FROM_THE_CLOCK_AND_THE_JTI_GENERATOR = noClasses()
            .that().resideInAPackage("io.tokenlife..")
            .and().doNotHaveFullyQualifiedName("io.tokenlife.domain.service.UuidJtiGenerator")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("a Clock and a JtiGenerator come in through constructors, so tests control them");

    static final ArchRule NIMBUS_AND_TINK_STAY_IN_THE_JWT_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.adapters.jwt..")
            .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..", "com.google.crypto.tink..");

    static final ArchRule CAFFEINE_STAYS_IN_THE_ADAPTERS_AND_THE_LOGIN_THROTTLE = noClasses()
            .that().resideOutsideOfPackages("io.tokenlife.adapters..", "io.tokenlife.app.http.web..")
            .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..")
            .because("the verified-token cache and the login throttle are the only caches");

    static final ArchRule JDBC_STAYS_IN_THE_PERSISTENCE_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.adapters.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "java.sql..",
                    "javax.sql..", "com.zaxxer.hikari..", "org.postgresql..", "org.h2..");

    static final ArchRule JAVALIN_STAYS_IN_THE_HTTP_APP = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.app.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    static final ArchRule PICOCLI_STAYS_IN_THE_CLI = noClasses()
            .that().resideOutsideOfPackage("io.tokenlife.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    private static boolean isUseCaseService(JavaClass owner) {
        return owner.getPackageName().equals("io.tokenlife.domain.service")
                && owner.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().equals("io.tokenlife.domain.port.in"));
    }
}
