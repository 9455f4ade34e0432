package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    @Test
    void bad_usage_is_exit_2_and_an_illegal_argument_from_below_a_command_is_an_unexpected_failure() {
        assertThat(ExitCodes.classify(new UsageException("--limit must be between 1 and 1000, got 0")))
                .isEqualTo(new ExitCodes.Failure(2, "--limit must be between 1 and 1000, got 0"));
        assertThat(ExitCodes.classify(Flags.usage(new Invalid(Field.EMAIL, "'x' is not an e-mail address"))))
                .isEqualTo(new ExitCodes.Failure(2, "EMAIL: 'x' is not an e-mail address"));
        assertThat(ExitCodes.classify(new IllegalArgumentException("value too long for column")))
                .isEqualTo(new ExitCodes.Failure(1, "unexpected error (IllegalArgumentException): value too long for column"));
    }

    @Test
    void configuration_database_and_operation_failures_exit_1_with_their_sentence() {
        assertThat(ExitCodes.classify(new InvalidSettingsException("PORT", "bad")).message()).isEqualTo("configuration error: PORT: bad");
        assertThat(ExitCodes.classify(new DatabaseUnavailableException("database x cannot be used", null)).code()).isEqualTo(1);
        assertThat(ExitCodes.classify(new StoreUnavailableException("down", null)).message()).contains("nothing was changed");
        assertThat(ExitCodes.classify(new CliFailure("no")).message()).isEqualTo("no");
        assertThat(ExitCodes.classify(new UncheckedIOException(new java.io.IOException("disk full"))).message()).contains("disk full");
    }

    @Test
    void an_unexpected_error_is_a_failure_named_by_its_type_not_a_stack_trace() {
        ExitCodes.Failure f = ExitCodes.classify(new IllegalStateException("boom"));

        assertThat(f.code()).isEqualTo(1);
        assertThat(f.message()).isEqualTo("unexpected error (IllegalStateException): boom");
    }
}
