package io.tokenlife.domain.model;

import java.util.Objects;

/**
 * Who acts in a command: the authenticated subject of a session or API token, or an operator (the
 * CLI's OS user) who holds the rights of an admin. What the actor may do is decided by the domain's
 * policies, not by the edge that authenticated it.
 */
public record Actor(String subject, boolean admin, Kind kind) {
    /** How the actor authenticated. */
    public enum Kind { SESSION_TOKEN, API_TOKEN, OPERATOR }

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
    }

    /** An operator, e.g. {@code cli:alice}: recorded as given, with admin rights. */
    public static Actor operator(String name) {
        return new Actor(name, true, Kind.OPERATOR);
    }

    /** Whether {@code subject} is this actor's own (e-mails compare without case). */
    public boolean is(String subject) {
        return subject != null && this.subject.equalsIgnoreCase(subject);
    }
}
