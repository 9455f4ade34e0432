package io.tokenlife.adapters.jwt.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tokenlife.adapters.jwt.JwksVerifier;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.jwt.KeyPairs;
import io.tokenlife.adapters.jwt.SsoAdapters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

class JwtArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tokenlife");
    }

    @Test
    void only_the_entry_points_of_the_adapter_are_public() {
        classes().that().resideInAPackage("io.tokenlife.adapters.jwt..").and().areTopLevelClasses()
                .and().doNotBelongToAnyOf(JwtAdapters.class, KeyPairs.class, SsoAdapters.class,
                        JwksVerifier.class) // the embedding API of a validator that reads the JWKS
                .should().notBePublic()
                .check(main);
    }

    @Test
    void the_adapter_depends_on_the_domain_and_not_on_the_apps() {
        noClasses().that().resideInAPackage("io.tokenlife.adapters.jwt..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tokenlife.app..", "io.tokenlife.adapters.persistence..")
                .check(main);
    }

    @Test
    void no_class_writes_to_standard_streams_or_uses_java_util_logging() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(main);
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(main);
    }
}
