package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastUseAndRecordingTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private String url;
    private PersistenceAdapters adapters;

    @BeforeEach
    void open() {
        url = TestDatabases.freshH2MemoryUrl();
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
    }

    @AfterEach
    void close() {
        TestDatabases.closeAndDrop(adapters, url);
    }

    private static TokenRecord token(String jti, String subject, Instant issuedAt) {
        return new TokenRecord(jti, subject, TokenSource.LOGIN, TokenUse.SESSION, null, null, issuedAt,
                issuedAt.plusSeconds(1200), null, null, null, null);
    }

    @Test
    void lastUseIsBufferedAndWrittenLaterKeepingTheLatest() {
        IssuedTokenStore registry = adapters.registry();
        registry.record(token("t1", "alice@example.com", NOW));

        registry.touch("t1", NOW.plusSeconds(10));
        registry.touch("t1", NOW.plusSeconds(5));
        registry.touch("never-recorded", NOW);
        assertThat(registry.find("t1").orElseThrow().lastUsedAt()).as("not written on the caller's thread").isNull();

        adapters.flushLastUse();

        assertThat(registry.find("t1").orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void aTokenRecordedAfterACutoffThatCoversItIsRecordedRevoked() {
        adapters.revocations().revokeAll(RevocationCutoff.forSubject("alice@example.com", NOW, "admin", null));

        adapters.registry().record(token("late", "alice@example.com", NOW.minusSeconds(1)));
        adapters.registry().record(token("fresh", "alice@example.com", NOW.plusSeconds(1)));

        assertThat(adapters.registry().find("late").orElseThrow().revokedAt()).isNotNull();
        assertThat(adapters.registry().find("fresh").orElseThrow().revokedAt()).isNull();
    }

    @Test
    void revokingTwiceReportsItAndKeepsTheIndexEntry() {
        Revocation r = new Revocation("j", null, NOW, "admin", null, null);

        assertThat(adapters.revocations().revoke(r)).isTrue();
        assertThat(adapters.revocations().revoke(r)).isFalse();
        assertThat(adapters.revocationIndex().check("j", null, null).isRevoked()).isTrue();
    }

    @Test
    void oversizedJtisAndABadCursorAreClearBadRequests() {
        assertThatThrownBy(() -> adapters.registry().record(token("x".repeat(300), "alice@example.com", NOW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jti must be at most 255");
        assertThatThrownBy(() -> adapters.registry().list(new io.tokenlife.domain.model.TokenQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("%%%"), 10), NOW))
                .isInstanceOf(io.tokenlife.domain.port.out.IssuedTokenStore.InvalidCursorException.class)
                .hasMessageContaining("'next' value");
    }
}
