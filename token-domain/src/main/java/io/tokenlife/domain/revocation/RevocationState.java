package io.tokenlife.domain.revocation;

import java.util.Objects;

/**
 * Whether, and by which kind of revocation, a token is revoked. An open set: each {@link RevocationKind}
 * declares its own constant (e.g. {@link JtiRevocations#REVOKED}), built once, so the validation path
 * allocates nothing and the rule that revokes also says why.
 *
 * @param kind a short stable name ({@code jti}, {@code subject}, {@code global}, …), for logs and tests
 * @param detail the sentence a validation that this revokes answers with ({@code token_revoked})
 * @param recordedReason the reason a token's registry row gets when it is recorded already revoked
 *        (issued before a cut-off, recorded after it)
 */
public record RevocationState(String kind, String detail, String recordedReason) {
    /** Not revoked by any kind. */
    public static final RevocationState NOT_REVOKED = new RevocationState("none", "", "");

    public RevocationState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(recordedReason, "recordedReason");
    }

    public boolean isRevoked() {
        return this != NOT_REVOKED;
    }
}
