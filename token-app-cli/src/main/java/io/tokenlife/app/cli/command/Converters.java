package io.tokenlife.app.cli.command;

import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.settings.SigningAlgorithm;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Option converters whose messages name what is allowed; a bad value is a usage error (exit 2). */
public final class Converters {
    private Converters() {
    }

    /** An RFC 3339 instant ({@code 2026-01-01T10:00:00Z}, an offset is allowed) or {@code now} on {@code clock}. */
    public static Instant rfc3339(String option, String value, Clock clock) {
        if ("now".equalsIgnoreCase(value.trim())) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(option + ": '" + value
                    + "' is not an RFC 3339 instant such as 2026-01-01T10:00:00Z (or 'now')");
        }
    }

    public static final class Status implements CommandLine.ITypeConverter<TokenStatus> {
        @Override
        public TokenStatus convert(String value) {
            try {
                return TokenStatus.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static final class Source implements CommandLine.ITypeConverter<TokenSource> {
        @Override
        public TokenSource convert(String value) {
            try {
                return TokenSource.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static final class Algorithm implements CommandLine.ITypeConverter<SigningAlgorithm> {
        @Override
        public SigningAlgorithm convert(String value) {
            return SigningAlgorithm.fromJoseName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not allowed; allowed: " + Arrays.stream(SigningAlgorithm.values())
                            .map(SigningAlgorithm::joseName).collect(Collectors.joining(", "))));
        }
    }
}
