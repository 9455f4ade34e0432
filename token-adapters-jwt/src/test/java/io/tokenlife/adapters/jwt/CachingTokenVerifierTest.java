package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.InMemoryTokenStore;
import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.fakes.MutableClock;
import io.tokenlife.domain.fakes.PlainPasswordHasher;
import io.tokenlife.domain.fakes.RecordingSecurityEvents;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.TokenHeader;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache through the real use cases: the domain wired over in-memory fakes (as {@code DomainFixture}
 * does) but with the real signer and verifier. Every cached answer must match the uncached one.
 */
class CachingTokenVerifierTest {
    private final TokenlifeSettings settings = TestSettings.with("JWT_SECRET_KEY", JwtTestKit.HS256_SECRET);
    private final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private KeyRing ring;
    private CountingVerifier verifications;
    private CachingTokenVerifier cache;
    private static final Actor ADMIN = Actor.operator("admin@example.com");

    private UseCases cached;
    private UseCases uncached;

    /** Counts the verifications that really ran (cache misses). */
    private static final class CountingVerifier implements TokenVerifier {
        final TokenVerifier delegate;
        final AtomicInteger calls = new AtomicInteger();

        CountingVerifier(TokenVerifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public Verification verify(String token) {
            calls.incrementAndGet();
            return delegate.verify(token);
        }
    }

    @BeforeEach
    void wire() {
        ring = KeyRing.of(Keys.fromSecret(SigningAlgorithm.HS256, JwtTestKit.HS256_SECRET.getBytes(StandardCharsets.UTF_8)));
        verifications = new CountingVerifier(new NimbusTokenVerifier(ring));
        cache = new CachingTokenVerifier(verifications, ring, 100, clock);
        cached = services(cache);
        uncached = services(new NimbusTokenVerifier(ring));
    }

    private UseCases services(TokenVerifier verifier) {
        return UseCases.wire(new Ports(new NimbusTokenSigner(ring), verifier, store, store, store.index(),
                new InMemoryUserDirectory(), new PlainPasswordHasher(), new UuidJtiGenerator(), SsoProviders.none(),
                ExternalTokenVerifier.none(), new RecordingSecurityEvents(), clock), DomainSettings.from(settings));
    }

    private String issue(String subject) {
        IssueTokenResult result = cached.issueToken().issue(IssueTokenCommand.session(subject, TokenSource.CLI));
        return ((IssueTokenResult.Issued) result).token().compact();
    }

    private String warmed(String subject) {
        String token = issue(subject);
        assertThat(cached.validateToken().validate(token).isValid()).isTrue();
        assertThat(cache.contains(token)).isTrue();
        return token;
    }

    private void assertRejectedAlike(String token, ValidationCode code) {
        ValidationResult viaCache = cached.validateToken().validate(token);
        ValidationResult direct = uncached.validateToken().validate(token);
        assertThat(viaCache).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(((ValidationResult.Rejected) viaCache).code()).isEqualTo(code);
        assertThat(viaCache).isEqualTo(direct);
    }

    @Test
    void a_repeated_token_is_verified_once() {
        String token = warmed("alice@example.com");
        int before = verifications.calls.get();
        for (int i = 0; i < 5; i++) {
            assertThat(cached.validateToken().validate(token).isValid()).isTrue();
        }
        assertThat(verifications.calls.get()).isEqualTo(before);
    }

    @Test
    void cached_tokens_share_their_header_issuer_and_audience_and_keep_every_claim() {
        String alice = warmed("alice@example.com");
        String bob = warmed("bob@example.com");
        VerifiedToken a = ((Verification.Verified) cache.verify(alice)).token();
        VerifiedToken b = ((Verification.Verified) cache.verify(bob)).token();
        assertThat(a.header()).isSameAs(b.header());
        assertThat(a.claims().issuer()).isSameAs(b.claims().issuer());
        assertThat(a.claims().audience()).isSameAs(b.claims().audience());
        assertThat(a).isEqualTo(((Verification.Verified) new NimbusTokenVerifier(ring).verify(alice)).token());
        assertThat(b.claims().subject()).isEqualTo("bob@example.com");
    }

    @Test
    void past_its_bound_the_pool_of_shared_parts_keeps_values_unshared_but_intact() {
        SharedParts parts = new SharedParts();
        VerifiedToken sample = ((Verification.Verified) cache.verify(warmed("alice@example.com"))).token();
        for (int i = 0; i < SharedParts.MAX_VALUES + 10; i++) {
            TokenHeader header = new TokenHeader("HS256", "kid-" + i, "JWT");
            VerifiedToken kept = parts.share(new VerifiedToken(header, sample.claims()));
            assertThat(kept.header()).isEqualTo(header);
            assertThat(kept.claims()).isEqualTo(sample.claims());
        }
        assertThat(parts.size()).isEqualTo(SharedParts.MAX_VALUES);
    }

    @Test
    void a_cached_token_that_is_revoked_is_rejected_like_an_uncached_one() {
        String token = warmed("alice@example.com");
        String jti = ((Verification.Verified) cache.verify(token)).token().claims().jti();

        cached.revokeToken().revoke(RevokeTokenCommand.byJti(ADMIN, jti, Optional.of("test")));

        assertRejectedAlike(token, ValidationCode.TOKEN_REVOKED);
    }

    @Test
    void a_cached_token_of_a_subject_revoked_in_bulk_is_rejected_like_an_uncached_one() {
        String token = warmed("bob@example.com");
        clock.advance(Duration.ofSeconds(5));

        cached.revokeAllTokens().revokeAll(RevokeAllTokensCommand.ofSubject(ADMIN, "bob@example.com", Optional.empty()));

        assertRejectedAlike(token, ValidationCode.TOKEN_REVOKED);
    }

    @Test
    void a_cached_token_that_expired_is_rejected_like_an_uncached_one_and_leaves_the_cache() {
        String token = warmed("alice@example.com");

        clock.advance(settings.issuance().sessionLifetime().plus(settings.validation().leeway()).plusSeconds(1));

        assertRejectedAlike(token, ValidationCode.TOKEN_EXPIRED);
        assertThat(cache.contains(token)).isFalse();
    }

    @Test
    void a_cached_token_presented_after_its_key_was_retired_is_rejected_like_an_uncached_one() {
        String token = warmed("alice@example.com");
        String oldKid = ring.current().kid();

        ring.rotateTo(Keys.fromSecret(SigningAlgorithm.HS256, "another-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8)));
        assertThat(cache.size()).isZero();
        assertThat(cached.validateToken().validate(token).isValid()).as("the previous key still verifies after a rotation").isTrue();
        ring.retire(oldKid);

        assertRejectedAlike(token, ValidationCode.TOKEN_SIGNATURE_INVALID);
        assertThat(cached.validateToken().validate(issue("carol@example.com")).isValid()).isTrue();
    }

    /** Twice from the cache: the second answer comes from the slots in front of it. */
    private String recent(String subject) {
        String token = warmed(subject);
        for (int i = 0; i < 2; i++) {
            assertThat(cache.verify(token)).isInstanceOf(Verification.Verified.class);
        }
        return token;
    }

    @Test
    void a_token_answered_from_the_recent_slots_is_the_cached_one_without_a_new_verification() {
        String token = recent("alice@example.com");
        int before = verifications.calls.get();
        VerifiedToken fromCache = ((Verification.Verified) cache.verify(token)).token();

        assertThat(((Verification.Verified) cache.verify(token)).token()).isSameAs(fromCache);
        assertThat(verifications.calls.get()).isEqualTo(before);
    }

    @Test
    void a_token_in_the_recent_slots_is_verified_again_once_its_exp_has_passed() {
        String token = recent("alice@example.com");
        int before = verifications.calls.get();
        VerifiedToken verified = ((Verification.Verified) cache.verify(token)).token();

        clock.set(verified.claims().expiresAt());

        assertThat(cache.verify(token)).isInstanceOf(Verification.Verified.class); // the signature still holds
        assertThat(verifications.calls.get()).as("answered by the verifier, not a slot").isEqualTo(before + 1);
        assertThat(cache.contains(token)).isFalse();
    }

    @Test
    void a_token_in_the_recent_slots_is_verified_again_after_the_key_ring_changed() {
        String token = recent("alice@example.com");
        int before = verifications.calls.get();

        ring.rotateTo(Keys.fromSecret(SigningAlgorithm.HS256, "another-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8)));

        assertThat(cache.verify(token)).isInstanceOf(Verification.Verified.class); // the old key still verifies
        assertThat(verifications.calls.get()).isEqualTo(before + 1);
    }

    @Test
    void a_token_in_the_recent_slots_is_refused_once_its_key_is_retired() {
        String token = recent("alice@example.com");
        String oldKid = ring.current().kid();
        ring.rotateTo(Keys.fromSecret(SigningAlgorithm.HS256, "another-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8)));
        recentAgain(token);

        ring.retire(oldKid);

        assertThat(cache.verify(token)).isInstanceOf(Verification.Refused.class);
    }

    private void recentAgain(String token) {
        for (int i = 0; i < 3; i++) {
            assertThat(cache.verify(token)).isInstanceOf(Verification.Verified.class);
        }
    }

    @Test
    void distinct_recent_tokens_each_get_their_own_answer() {
        String alice = warmed("alice@example.com");
        String bob = warmed("bob@example.com");
        for (int i = 0; i < 3; i++) {
            assertThat(((Verification.Verified) cache.verify(alice)).token().claims().subject()).isEqualTo("alice@example.com");
            assertThat(((Verification.Verified) cache.verify(bob)).token().claims().subject()).isEqualTo("bob@example.com");
        }
    }

    @Test
    void a_token_one_character_away_from_a_cached_one_is_fully_verified_and_rejected() {
        String token = warmed("alice@example.com");
        int before = verifications.calls.get();
        int i = token.lastIndexOf('.') + 5;
        String altered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);

        assertRejectedAlike(altered, ValidationCode.TOKEN_SIGNATURE_INVALID);
        assertThat(verifications.calls.get()).isEqualTo(before + 1);
        assertThat(cache.contains(altered)).isFalse();
    }

    @Test
    void a_token_differing_only_before_the_hashed_tail_has_the_same_hash_but_is_still_fully_verified() {
        String token = warmed("alice@example.com");
        int before = verifications.calls.get();
        int i = token.indexOf('.') + 3; // inside the claims, far from the last 32 characters
        String altered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        assertThat(new CachingTokenVerifier.TokenKey(altered).hashCode()).isEqualTo(new CachingTokenVerifier.TokenKey(token).hashCode());

        assertThat(cache.verify(altered)).isInstanceOf(Verification.Refused.class);
        assertThat(verifications.calls.get()).isEqualTo(before + 1);
        assertThat(cache.contains(token)).isTrue();
    }

    @Test
    void rejected_tokens_are_never_cached() {
        String token = issue("alice@example.com");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        for (int i = 0; i < 3; i++) {
            assertThat(cache.verify(forged)).isInstanceOf(Verification.Refused.class);
            assertThat(cache.verify("garbage")).isInstanceOf(Verification.Refused.class);
        }

        assertThat(verifications.calls.get()).isEqualTo(6);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_flood_of_distinct_garbage_does_not_evict_the_working_set() {
        String hot = warmed("alice@example.com");
        String valid = issue("bob@example.com");
        String prefix = valid.substring(0, valid.lastIndexOf('.') + 1);

        for (int i = 0; i < 20_000; i++) {
            cache.verify(prefix + Integer.toString(i, 36) + "AAAA");
            cache.verify("junk." + i + ".x");
        }

        assertThat(cache.contains(hot)).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void a_flood_of_distinct_valid_tokens_beyond_the_size_does_not_evict_a_hot_entry() {
        String hot = warmed("alice@example.com");
        for (int i = 0; i < 1_000; i++) {
            cache.verify(issue("user" + i + "@example.com"));
            if (i % 10 == 0) {
                cache.verify(hot);
            }
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.contains(hot)).isTrue();
    }

    @Test
    void jwt_adapters_uses_the_cache_only_when_the_size_is_positive() {
        JwtAdapters on = JwtAdapters.create(TestSettings.with("JWT_SECRET_KEY", JwtTestKit.HS256_SECRET), clock);
        JwtAdapters off = JwtAdapters.create(TestSettings.with("JWT_SECRET_KEY", JwtTestKit.HS256_SECRET,
                "VERIFIED_TOKEN_CACHE_SIZE", "0"), clock);
        assertThat(on.verifier()).isInstanceOf(CachingTokenVerifier.class);
        assertThat(off.verifier()).isInstanceOf(NimbusTokenVerifier.class);
    }
}
