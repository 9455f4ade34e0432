package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.port.out.RevocationStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Registry, revocations and index in one process's memory: the reference behaviour of the ports. */
public final class InMemoryTokenStore implements IssuedTokenStore, RevocationStore {
    private final Map<String, TokenRecord> tokens = new ConcurrentHashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    /** The domain's own index, written like the persistence adapter writes its index: after each change. */
    private final RevocationIndex index = RevocationIndex.standalone();

    /** The index this store keeps current, as a port for the use cases. */
    public RevocationIndex index() {
        return index;
    }

    @Override
    public synchronized void record(TokenRecord token) {
        if (tokens.putIfAbsent(token.jti(), token) != null) {
            throw new DuplicateJtiException(token.jti());
        }
    }

    @Override
    public Optional<TokenRecord> find(String jti) {
        return Optional.ofNullable(tokens.get(jti));
    }

    @Override
    public Page<TokenRecord> list(TokenQuery query, Instant now) {
        Comparator<TokenRecord> newestFirst = Comparator.comparing(TokenRecord::issuedAt).reversed()
                .thenComparing(TokenRecord::jti);
        List<TokenRecord> matching = tokens.values().stream()
                .filter(t -> query.matches(t, now))
                .sorted(newestFirst)
                .toList();
        int start = query.cursor().map(InMemoryTokenStore::position).orElse(0);
        int end = Math.min(matching.size(), start + query.limit());
        Optional<String> next = end < matching.size() ? Optional.of(Integer.toString(end)) : Optional.empty();
        return new Page<>(new ArrayList<>(matching.subList(Math.min(start, end), end)), next);
    }

    @Override
    public long count(TokenQuery query, Instant now) {
        return tokens.values().stream().filter(t -> query.matches(t, now)).count();
    }

    @Override
    public TokenCounts counts(Instant now, Instant revokedSince) {
        Map<TokenSource, Long> bySource = new EnumMap<>(TokenSource.class);
        Map<TokenUse, Long> byUse = new EnumMap<>(TokenUse.class);
        long revoked = 0;
        for (TokenRecord t : tokens.values()) {
            if (t.status(now) == TokenStatus.ACTIVE) {
                bySource.merge(t.source(), 1L, Long::sum);
                byUse.merge(t.tokenUse(), 1L, Long::sum);
            }
            if (t.revokedAt() != null && !t.revokedAt().isBefore(revokedSince)) {
                revoked++;
            }
        }
        return new TokenCounts(now, bySource, byUse, revokedSince, revoked);
    }

    @Override
    public void touch(String jti, Instant at) {
        tokens.computeIfPresent(jti, (k, t) -> new TokenRecord(t.jti(), t.subject(), t.source(), t.tokenUse(),
                t.name(), t.scope(), t.issuedAt(), t.expiresAt(), t.revokedAt(), t.revokedBy(), t.reason(), at,
                t.keyId(), t.familyId()));
    }

    /** Tokens recorded without a kid are given {@code kid}; returns how many. */
    synchronized int attribute(String kid) {
        int n = 0;
        for (TokenRecord t : List.copyOf(tokens.values())) {
            if (t.keyId() == null) {
                tokens.put(t.jti(), InMemorySigningKeyStore.attributed(t, kid));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized KeyUsage keyUsage(String keyId, Instant now) {
        List<TokenRecord> live = tokens.values().stream()
                .filter(t -> keyId.equals(t.keyId()) && t.status(now) == TokenStatus.ACTIVE).toList();
        return new KeyUsage(keyId, live.size(), live.stream().map(TokenRecord::expiresAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo), live.stream().anyMatch(t -> t.expiresAt() == null));
    }

    @Override
    public synchronized int purgeExpired(Instant before) {
        int removed = 0;
        for (TokenRecord t : List.copyOf(tokens.values())) {
            if (t.expiresAt() != null && t.expiresAt().isBefore(before)) {
                tokens.remove(t.jti());
                removed++;
            }
        }
        return removed;
    }

    @Override
    public synchronized boolean revoke(Revocation revocation) {
        boolean newly = revocations.putIfAbsent(revocation.jti(), revocation) == null;
        if (newly) {
            tokens.computeIfPresent(revocation.jti(), (k, t) -> t.revokedAt() != null ? t
                    : t.revoked(revocation.revokedAt(), revocation.revokedBy(), revocation.reason()));
        }
        index.apply(revocation.change());
        return newly;
    }

    @Override
    public synchronized void revokeAll(RevocationCutoff cutoff) {
        index.apply(cutoff.change());
        tokens.replaceAll((jti, t) -> t.revokedAt() == null
                && cutoff.subject().map(t::isOwnedBy).orElse(true)
                && cutoff.covers(t.issuedAt())
                ? t.revoked(cutoff.cutoff(), cutoff.revokedBy(), cutoff.reason()) : t);
    }

    @Override
    public synchronized int purgeExpiredRevocations(Instant before) {
        return purgeRevocations(before);
    }

    private int purgeRevocations(Instant before) {
        index.dropExpiredBefore(before);
        int removed = 0;
        for (Revocation r : List.copyOf(revocations.values())) {
            if (r.expiresAt() != null && r.expiresAt().isBefore(before)) {
                revocations.remove(r.jti());
                removed++;
            }
        }
        return removed;
    }

    /** Shorthand for {@code index().check(...)}. */
    public RevocationState check(String jti, String subject, Instant issuedAt) {
        return index.check(jti, subject, issuedAt);
    }

    /** This store's cursors are positions in the listing. */
    private static int position(String cursor) {
        try {
            return Integer.parseUnsignedInt(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException();
        }
    }
}
