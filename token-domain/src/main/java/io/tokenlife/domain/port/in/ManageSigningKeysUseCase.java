package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.SigningKeyInfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Operators' view and changes of the managed signing keys (admins only). */
public interface ManageSigningKeysUseCase {
    /** Every key with the live tokens it signed and when it may be removed; empty with static keys. */
    ListKeysResult list(Actor actor);

    /**
     * Publishes a next key that signs after the publish-ahead time; {@code now}: the next key (or a new
     * one) signs at once and the active key is retired.
     */
    KeyChangeResult rotate(Actor actor, boolean now);

    /** Stops signing with the key (its published successor takes over) or unpublishes a next key. */
    KeyChangeResult retire(Actor actor, String kid);

    /** The key and every token it signed are refused from now on, on every replica. */
    KeyChangeResult revoke(Actor actor, String kid, String reason);

    /** The static key of the configuration becomes a managed key; none of its tokens is invalidated. */
    KeyChangeResult importStatic(Actor actor);

    sealed interface ListKeysResult permits Keys, KeyChangeResult.NotAllowed {
    }

    /**
     * @param removableAt for a retired key, the earliest removal the registry allows (empty: a token that
     *                    never expires keeps it)
     */
    record KeyView(SigningKeyInfo info, KeyUsage usage, Optional<Instant> removableAt) {
        public KeyView {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(removableAt, "removableAt");
        }
    }

    /** @param managed false with {@code KEY_MANAGEMENT=static} (then {@code keys} is empty) */
    record Keys(List<KeyView> keys, boolean managed) implements ListKeysResult {
        public Keys {
            keys = List.copyOf(keys);
        }
    }
}
