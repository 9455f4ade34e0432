package io.tokenlife.domain.model;

import java.util.Optional;

/** Filters and paging of a registry listing; {@code limit} is 1 to 1000. */
public record TokenQuery(Optional<String> subject, Optional<TokenStatus> status, Optional<TokenSource> source,
                         Optional<String> cursor, int limit) {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public TokenQuery {
        subject = subject.map(Subjects::normalize);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static TokenQuery all() {
        return new TokenQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public TokenQuery withSubject(String s) {
        return new TokenQuery(Optional.ofNullable(s), status, source, cursor, limit);
    }
}
