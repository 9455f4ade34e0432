package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the registry holds at {@code at}: live (neither revoked nor expired) tokens by source and by use,
 * every source and use present (zero when none), and how many tokens were revoked since {@code revokedSince}.
 */
public record TokenCounts(Instant at, Map<TokenSource, Long> liveBySource, Map<TokenUse, Long> liveByUse,
                          Instant revokedSince, long revokedSinceCount) {
    public TokenCounts {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(revokedSince, "revokedSince");
        liveBySource = complete(liveBySource, TokenSource.class);
        liveByUse = complete(liveByUse, TokenUse.class);
    }

    public long live() {
        return liveBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Map<E, Long> counts, Class<E> type) {
        EnumMap<E, Long> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            all.put(e, counts.getOrDefault(e, 0L));
        }
        return java.util.Collections.unmodifiableMap(all);
    }
}
