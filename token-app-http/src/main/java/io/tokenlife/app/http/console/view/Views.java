package io.tokenlife.app.http.console.view;

import io.tokenlife.domain.model.RecordedSecurityEvent;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.policy.ConfigurationFinding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values the console's templates render: one record per page, plus the layout and forms. */
public final class Views {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Views() {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /** An instant to the minute, for lists (UTC, as the column headings say), or a dash. */
    public static String minute(Instant instant) {
        return instant == null ? "—" : MINUTE.format(instant);
    }

    /** An instant as operators read it, or a dash. */
    public static String when(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** A value for a query string. */
    public static String url(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The wire names of an enum's values, for a choice. */
    public static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** {@code k=v&} for each value, URL-encoded: the start of a query string that a cursor is appended to. */
    public static String query(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(k).append('=').append(url(v)).append('&'));
        return out.toString();
    }

    public static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /**
     * The frame of every page. {@code section} marks the current navigation entry; {@code admin} is who is
     * signed in (null on the sign-in page); {@code databaseDown} shows the banner and disables write buttons.
     */
    public record Layout(String title, String section, String admin, String csrf, boolean databaseDown,
                         String notice, String css, String htmx) {
        public boolean current(String name) {
            return name.equals(section);
        }
    }

    /** What was typed into a form and what is wrong with it, field by field. */
    public record Form(Map<String, String> values, Map<String, String> errors) {
        public Form {
            values = Map.copyOf(values);
            errors = new LinkedHashMap<>(errors);
        }

        public static Form empty() {
            return new Form(Map.of(), Map.of());
        }

        public static Form of(Map<String, String> values) {
            return new Form(values, Map.of());
        }

        public Form withError(String field, String message) {
            Map<String, String> e = new LinkedHashMap<>(errors);
            e.put(field, message);
            return new Form(values, e);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean is(String field, String value) {
            return value.equals(values.get(field));
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    public record SignInPage(Form form, String message) {
    }

    /** {@code counts} is null when the registry could not be read. */
    public record OverviewPage(TokenCounts counts, List<ConfigurationFinding> findings, boolean databaseReachable,
                               boolean revocationsInSync) {
    }

    public record TokenRow(TokenRecord token, String status, String url) {
    }

    /** {@code error} is a message when the registry could not be searched. */
    public record TokensPage(Form filters, List<TokenRow> rows, String nextUrl, String revokeAllUrl, String error) {
    }

    /** {@code message} explains why nothing changed (e.g. already revoked); {@code form} holds the reason. */
    public record TokenPage(TokenRecord token, String status, String revokeAllUrl, Form form, String message) {
    }

    /** {@code live} is -1 when it could not be counted. */
    public record RevokeSubjectPage(String subject, long live, Form form) {
    }

    public record UsersPage(List<UserRow> users, Form create, String error) {
    }

    public record UserRow(User user, String url, boolean self) {
    }

    public record UserPage(User user, String tokensUrl, String revokeAllUrl, boolean self, Form form) {
    }

    public record EventsPage(Form filters, List<String> types, List<RecordedSecurityEvent> events, String olderUrl,
                             boolean thisProcessOnly, String error) {
    }

    public record MessagePage(String message, String linkUrl, String linkText) {
    }
}
