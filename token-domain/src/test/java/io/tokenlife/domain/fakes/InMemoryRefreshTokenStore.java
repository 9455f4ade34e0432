package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.port.out.RefreshTokenStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refresh tokens and families in memory; every method holds the one lock, as a family row lock would. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
    private final Map<String, TokenFamily> families = new HashMap<>();
    private final Map<String, RefreshToken> tokens = new HashMap<>();
    /** Throws on every call while set: a database that is down. */
    private volatile RuntimeException failure;

    public void failWith(RuntimeException e) {
        failure = e;
    }

    private void check() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public synchronized void start(TokenFamily family, RefreshToken first) {
        check();
        if (families.containsKey(family.id()) || tokens.containsKey(first.id())) {
            throw new IllegalStateException("family or token recorded twice");
        }
        families.put(family.id(), family);
        tokens.put(first.id(), first);
    }

    @Override
    public synchronized Optional<RefreshToken> findByHash(String tokenHash) {
        check();
        return tokens.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<RefreshToken> find(String id) {
        check();
        return Optional.ofNullable(tokens.get(id));
    }

    @Override
    public synchronized Optional<TokenFamily> family(String familyId) {
        check();
        return Optional.ofNullable(families.get(familyId));
    }

    @Override
    public synchronized Optional<RefreshToken> successor(String id) {
        check();
        return tokens.values().stream().filter(t -> id.equals(t.parentId())).findFirst();
    }

    @Override
    public synchronized List<RefreshToken> tokens(String familyId) {
        check();
        return tokens.values().stream().filter(t -> t.familyId().equals(familyId))
                .sorted(Comparator.comparing(RefreshToken::issuedAt).thenComparing(RefreshToken::id)).toList();
    }

    @Override
    public synchronized boolean rotate(String spentId, Optional<String> graceOf, Instant at, RefreshToken successor) {
        check();
        RefreshToken spend = tokens.get(spentId);
        if (spend == null || spend.isSpent()) {
            return false;
        }
        TokenFamily family = families.get(spend.familyId());
        if (family == null || family.isRevoked()) {
            return false;
        }
        Optional<RefreshToken> previous = graceOf.map(tokens::get);
        if (graceOf.isPresent() && (previous.isEmpty() || previous.get().graceUsedAt() != null)) {
            return false;
        }
        previous.ifPresent(p -> tokens.put(p.id(), p.graceUsed(at)));
        // a token spent in place of a retry gets no retry of its own
        tokens.put(spentId, graceOf.isPresent() ? spend.spent(at).graceUsed(at) : spend.spent(at));
        tokens.put(successor.id(), successor);
        return true;
    }

    @Override
    public synchronized boolean revokeFamily(String familyId, Instant at, String revokedBy, String reason) {
        check();
        TokenFamily family = families.get(familyId);
        if (family == null || family.isRevoked()) {
            return false;
        }
        families.put(familyId, new TokenFamily(family.id(), family.subject(), family.source(), family.startedAt(), at,
                revokedBy, reason));
        return true;
    }

    @Override
    public synchronized int purgeExpired(Instant before) {
        check();
        List<String> expired = tokens.values().stream().filter(t -> t.expiresAt().isBefore(before))
                .map(RefreshToken::id).toList();
        expired.forEach(tokens::remove);
        families.keySet().removeIf(f -> tokens.values().stream().noneMatch(t -> t.familyId().equals(f)));
        return expired.size();
    }
}
