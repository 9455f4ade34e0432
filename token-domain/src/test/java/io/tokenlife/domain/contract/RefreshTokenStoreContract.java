package io.tokenlife.domain.contract;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the refresh-token store, run against every adapter: in memory, H2 and PostgreSQL. A
 * subclass gives a fresh, empty store for each test.
 */
public abstract class RefreshTokenStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    protected abstract RefreshTokenStore freshStore();

    protected RefreshTokenStore store;

    @BeforeEach
    void createStore() {
        store = freshStore();
    }

    protected static TokenFamily family(String id) {
        return TokenFamily.started(id, "alice@example.com", TokenSource.LOGIN, T0);
    }

    protected static RefreshToken token(String id, String family, String parent, Instant at) {
        return new RefreshToken(id, RefreshToken.hash("value-" + id), family, parent, "jti-" + id, at,
                at.plus(Duration.ofHours(1)), null, null);
    }

    @Test
    void aStartedFamilyIsFoundByTheHashOfItsFirstToken() {
        store.start(family("f1"), token("r1", "f1", null, T0));

        RefreshToken found = store.findByHash(RefreshToken.hash("value-r1")).orElseThrow();
        assertThat(found).isEqualTo(token("r1", "f1", null, T0));
        assertThat(store.find("r1")).contains(found);
        assertThat(store.family("f1")).contains(family("f1"));
        assertThat(store.findByHash(RefreshToken.hash("value-other"))).isEmpty();
        assertThat(store.family("nope")).isEmpty();
    }

    @Test
    void aRotationSpendsTheTokenAndStoresItsSuccessor() {
        store.start(family("f1"), token("r1", "f1", null, T0));

        boolean rotated = store.rotate("r1", Optional.empty(), T0.plusSeconds(60), token("r2", "f1", "r1", T0.plusSeconds(60)));

        assertThat(rotated).isTrue();
        assertThat(store.find("r1").orElseThrow().spentAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.successor("r1")).contains(token("r2", "f1", "r1", T0.plusSeconds(60)));
        assertThat(store.successor("r2")).isEmpty();
        assertThat(store.tokens("f1")).extracting(RefreshToken::id).containsExactly("r1", "r2");
    }

    @Test
    void aSpentTokenCannotBeRotatedAgainAndTheLoserStoresNothing() {
        store.start(family("f1"), token("r1", "f1", null, T0));
        store.rotate("r1", Optional.empty(), T0.plusSeconds(60), token("r2", "f1", "r1", T0.plusSeconds(60)));

        boolean again = store.rotate("r1", Optional.empty(), T0.plusSeconds(61), token("r3", "f1", "r1", T0.plusSeconds(61)));

        assertThat(again).isFalse();
        assertThat(store.find("r3")).isEmpty();
        assertThat(store.find("r1").orElseThrow().spentAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void theGraceRetryOfATokenIsAllowedOnce() {
        store.start(family("f1"), token("r1", "f1", null, T0));
        store.rotate("r1", Optional.empty(), T0.plusSeconds(60), token("r2", "f1", "r1", T0.plusSeconds(60)));

        boolean retry = store.rotate("r2", Optional.of("r1"), T0.plusSeconds(61), token("r3", "f1", "r2", T0.plusSeconds(61)));
        store.rotate("r3", Optional.empty(), T0.plusSeconds(62), token("r4", "f1", "r3", T0.plusSeconds(62)));
        boolean second = store.rotate("r4", Optional.of("r1"), T0.plusSeconds(62), token("r5", "f1", "r4", T0.plusSeconds(62)));

        assertThat(retry).isTrue();
        assertThat(store.find("r1").orElseThrow().graceUsedAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(store.find("r2").orElseThrow().isSpent()).isTrue();
        assertThat(store.find("r2").orElseThrow().graceUsedAt()).as("spent for a retry: no retry of its own").isNotNull();
        assertThat(second).isFalse();
        assertThat(store.find("r4").orElseThrow().isSpent()).as("nothing changed by the refused retry").isFalse();
        assertThat(store.find("r5")).isEmpty();
    }

    @Test
    void aRevokedFamilyRotatesNoMore() {
        store.start(family("f1"), token("r1", "f1", null, T0));

        assertThat(store.revokeFamily("f1", T0.plusSeconds(5), "admin@example.com", "lost laptop")).isTrue();
        assertThat(store.revokeFamily("f1", T0.plusSeconds(6), "admin@example.com", "again")).isFalse();
        assertThat(store.revokeFamily("unknown", T0, "admin@example.com", null)).isFalse();

        TokenFamily revoked = store.family("f1").orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(revoked.revokedBy()).isEqualTo("admin@example.com");
        assertThat(revoked.reason()).isEqualTo("lost laptop");
        assertThat(store.rotate("r1", Optional.empty(), T0.plusSeconds(7), token("r2", "f1", "r1", T0.plusSeconds(7))))
                .isFalse();
        assertThat(store.find("r2")).isEmpty();
        assertThat(store.find("r1").orElseThrow().isSpent()).isFalse();
    }

    @Test
    void ofConcurrentRotationsOfOneTokenExactlyOneWins() throws Exception {
        store.start(family("f1"), token("r1", "f1", null, T0));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "c" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return store.rotate("r1", Optional.empty(), T0.plusSeconds(1), token(id, "f1", "r1", T0.plusSeconds(1)));
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.tokens("f1")).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeDeletesExpiredTokensAndEmptyFamilies() {
        store.start(family("f1"), token("r1", "f1", null, T0));
        store.start(family("f2"), token("r9", "f2", null, T0.plus(Duration.ofHours(2))));

        int purged = store.purgeExpired(T0.plus(Duration.ofMinutes(90)));

        assertThat(purged).isEqualTo(1);
        assertThat(store.find("r1")).isEmpty();
        assertThat(store.family("f1")).isEmpty();
        assertThat(store.family("f2")).isPresent();
    }
}
