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
}
