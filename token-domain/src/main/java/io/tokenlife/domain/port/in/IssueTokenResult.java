package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedToken;

import java.util.Objects;

/** A token, or why the request was refused ({@code detail} names the field at fault). */
public sealed interface IssueTokenResult {
    record Issued(IssuedToken token) implements IssueTokenResult {
        public Issued {
            Objects.requireNonNull(token, "token");
        }
    }

    /** @param field the part of the request at fault, e.g. {@code expires_in_days}, {@code claim} */
    record Refused(String field, String detail) implements IssueTokenResult {
        public Refused {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
