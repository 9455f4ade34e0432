package io.tokenlife.domain.model;

import java.util.Optional;

/**
 * Filters and paging of a registry listing; {@code limit} is 1 to 1000. {@code text} matches a token whose
 * jti is exactly it, or whose subject or name contains it (without regard to case). {@code family} keeps the
 * tokens of one refresh-token family.
 */
public record TokenQuery(Optional<String> subject, Optional<TokenStatus> status, Optional<TokenSource> source,
                         Optional<TokenUse> use, Optional<String> text, Optional<String> family,
                         Optional<String> cursor, int limit) {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;
    /** Longest search text: a subject (320) is the longest thing worth typing. */
    public static final int MAX_TEXT_LENGTH = 320;

    public TokenQuery {
        subject = subject.map(Subjects::normalize);
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        if (text.isPresent() && text.get().length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("search text: at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Any family. */
    public TokenQuery(Optional<String> subject, Optional<TokenStatus> status, Optional<TokenSource> source,
                      Optional<TokenUse> use, Optional<String> text, Optional<String> cursor, int limit) {
        this(subject, status, source, use, text, Optional.empty(), cursor, limit);
    }

    /** The filters of the JSON API, which has no use filter and no free-text search. */
    public TokenQuery(Optional<String> subject, Optional<TokenStatus> status, Optional<TokenSource> source,
                      Optional<String> cursor, int limit) {
        this(subject, status, source, Optional.empty(), Optional.empty(), Optional.empty(), cursor, limit);
    }

    public static TokenQuery all() {
        return new TokenQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public TokenQuery withSubject(String s) {
        return new TokenQuery(Optional.ofNullable(s), status, source, use, text, family, cursor, limit);
    }

    public TokenQuery withFamily(String f) {
        return new TokenQuery(subject, status, source, use, text, Optional.ofNullable(f), cursor, limit);
    }

    public TokenQuery withStatus(TokenStatus s) {
        return new TokenQuery(subject, Optional.ofNullable(s), source, use, text, family, cursor, limit);
    }

    public TokenQuery withCursor(Optional<String> c) {
        return new TokenQuery(subject, status, source, use, text, family, c, limit);
    }

    /** Whether a row passes every filter but the cursor: the reference semantics adapters implement. */
    public boolean matches(TokenRecord token, java.time.Instant now) {
        return subject.map(token::isOwnedBy).orElse(true)
                && status.map(s -> token.status(now) == s).orElse(true)
                && source.map(s -> token.source() == s).orElse(true)
                && use.map(u -> token.tokenUse() == u).orElse(true)
                && family.map(f -> f.equals(token.familyId())).orElse(true)
                && text.map(t -> matchesText(token, t)).orElse(true);
    }

    private static boolean matchesText(TokenRecord token, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return token.jti().equals(text)
                || token.subject().toLowerCase(java.util.Locale.ROOT).contains(lower)
                || token.name() != null && token.name().toLowerCase(java.util.Locale.ROOT).contains(lower);
    }
}
