package io.tokenlife.domain.port.in;

import java.util.Objects;

/**
 * A command the use case refuses because of its input: which field, and a sentence saying what is wrong
 * with it (without the field's name, which the edge renders in its own words). Nothing was changed.
 * Every use case that takes input the caller chose has this case in its result.
 */
public record Invalid(Field field, String detail) implements IssueTokenResult, RevokeTokenResult,
        RevokeAllTokensResult, ListTokensResult, CreateUserResult, UpdateUserResult, ListSecurityEventsResult,
        KeyChangeResult, RevokeFamilyResult {
    public Invalid {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }

    /** The value is longer than {@code max} characters. */
    public static Invalid tooLong(Field field, int max) {
        return new Invalid(field, "it is longer than " + max + " characters");
    }

    public static Invalid blank(Field field) {
        return new Invalid(field, "it must not be blank");
    }
}
