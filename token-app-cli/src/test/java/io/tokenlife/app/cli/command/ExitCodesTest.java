package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    @Test
    void bad_input_refused_by_the_domain_is_bad_usage() {
        assertThat(ExitCodes.classify(new IllegalArgumentException("limit must be between 1 and 1000")))
                .isEqualTo(new ExitCodes.Failure(2, "limit must be between 1 and 1000"));
    }

    @Test
    void configuration_database_and_operation_failures_exit_1_with_their_sentence() {
        assertThat(ExitCodes.classify(new InvalidSettingsException("PORT", "bad")).message()).isEqualTo("configuration error: PORT: bad");
        assertThat(ExitCodes.classify(new DatabaseUnavailableException("database x cannot be used", null)).code()).isEqualTo(1);
        assertThat(ExitCodes.classify(new StoreUnavailableException("down", null)).message()).contains("nothing was changed");
        assertThat(ExitCodes.classify(new UserStore.DuplicateUserException("a@b.c")).code()).isEqualTo(1);
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
