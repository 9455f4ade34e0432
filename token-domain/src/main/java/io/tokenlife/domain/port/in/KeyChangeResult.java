package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.SigningKeyInfo;

import java.util.List;
import java.util.Objects;

/** What a change of the managed keys did: the keys it changed (none when nothing was due) and a sentence. */
public sealed interface KeyChangeResult permits KeyChangeResult.Changed, KeyChangeResult.UnknownKey,
        KeyChangeResult.NotAllowed, KeyChangeResult.NotManaged, Invalid {
    record Changed(List<SigningKeyInfo> keys, String summary) implements KeyChangeResult {
        public Changed {
            keys = List.copyOf(keys);
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** No managed key has this kid. */
    record UnknownKey(String kid) implements KeyChangeResult {
    }

    /** Only admins manage keys. */
    record NotAllowed() implements KeyChangeResult, ManageSigningKeysUseCase.ListKeysResult {
    }

    /** {@code KEY_MANAGEMENT=static}: keys come from the configuration and change only there. */
    record NotManaged() implements KeyChangeResult {
    }
}
