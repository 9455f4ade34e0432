package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.SigningKeyInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        /**
         * The fields of {@code GET /keys} and {@code tokenlife keys list --json}, in their order (times as
         * ISO-8601, absent ones {@code null}); never key material. One mapping for both, like {@code ClaimsJson}.
         */
        public Map<String, Object> wireFields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kid", info.kid());
            m.put("alg", info.algorithm().joseName());
            m.put("state", info.state().wireName());
            m.put("created_at", iso(info.createdAt()));
            m.put("activates_at", iso(info.activatesAt()));
            m.put("activated_at", iso(info.activatedAt().orElse(null)));
            m.put("retired_at", iso(info.retiredAt().orElse(null)));
            m.put("removable_at", iso(removableAt.orElse(null)));
            m.put("removed_at", iso(info.removedAt().orElse(null)));
            m.put("revoked_at", iso(info.revokedAt().orElse(null)));
            m.put("revoked_by", info.revokedBy().orElse(null));
            m.put("reason", info.reason().orElse(null));
            m.put("live_tokens", usage.liveTokens());
            m.put("last_token_expires_at", iso(usage.lastExpiry().orElse(null)));
            m.put("tokens_without_expiry", usage.someNeverExpire());
            return m;
        }

        private static String iso(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** @param managed false with {@code KEY_MANAGEMENT=static} (then {@code keys} is empty) */
    record Keys(List<KeyView> keys, boolean managed) implements ListKeysResult {
        public Keys {
            keys = List.copyOf(keys);
        }
    }
}
