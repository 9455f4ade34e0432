package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedToken;

import java.util.Objects;

/** A token, or the field of the request that was refused and why. */
public sealed interface IssueTokenResult permits IssueTokenResult.Issued, Invalid {
    record Issued(IssuedToken token) implements IssueTokenResult {
        public Issued {
            Objects.requireNonNull(token, "token");
        }
    }
}
