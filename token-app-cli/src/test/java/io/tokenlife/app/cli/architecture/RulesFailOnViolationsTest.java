package io.tokenlife.app.cli.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tokenlife.app.cli.command.archfixture.SubcommandThatWiresItself;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subcommand rules fail on a subcommand made to break them (a test fixture outside the real scan). */
class RulesFailOnViolationsTest {
    @Test
    void bothSubcommandRulesFailOnASubcommandThatTakesTheWholeAssembly() {
        assertFails(CliArchitectureTest.subcommands_reach_the_domain_only_through_use_cases_ports_model_settings_and_policies);
        assertFails(CliArchitectureTest.subcommands_use_domain_use_cases_never_adapters_the_wiring_services_or_the_assembly);
    }

    private static void assertFails(ArchRule rule) {
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(SubcommandThatWiresItself.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SubcommandThatWiresItself");
    }
}
