package io.tokenlife.system.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of {@link PlatformRules} over the main classes of every module. */
@AnalyzeClasses(packages = "io.tokenlife", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {
    @ArchTest
    static final ArchRule only_the_domain_assembly_constructs_use_case_services = PlatformRules.ONLY_THE_ASSEMBLY_CONSTRUCTS_SERVICES;

    @ArchTest
    static final ArchRule no_code_reads_the_time_or_randomness_but_the_clock_and_the_jti_generator =
            PlatformRules.TIME_AND_RANDOMNESS_COME_FROM_THE_CLOCK_AND_THE_JTI_GENERATOR;

    @ArchTest
    static final ArchRule nimbus_and_tink_are_used_only_inside_the_jwt_adapter = PlatformRules.NIMBUS_AND_TINK_STAY_IN_THE_JWT_ADAPTER;

    @ArchTest
    static final ArchRule caffeine_is_used_only_by_the_adapters_and_the_login_throttle =
            PlatformRules.CAFFEINE_STAYS_IN_THE_ADAPTERS_AND_THE_LOGIN_THROTTLE;

    @ArchTest
    static final ArchRule jdbi_flyway_and_jdbc_are_used_only_inside_the_persistence_adapter =
            PlatformRules.JDBC_STAYS_IN_THE_PERSISTENCE_ADAPTER;

    @ArchTest
    static final ArchRule javalin_and_jetty_are_used_only_inside_the_http_app = PlatformRules.JAVALIN_STAYS_IN_THE_HTTP_APP;

    @ArchTest
    static final ArchRule picocli_is_used_only_inside_the_cli = PlatformRules.PICOCLI_STAYS_IN_THE_CLI;
}
