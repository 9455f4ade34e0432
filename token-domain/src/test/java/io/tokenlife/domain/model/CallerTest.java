package io.tokenlife.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    private static TokenRecord tokenOf(String subject) {
        return new TokenRecord("jti-" + subject, subject, TokenSource.API, TokenUse.API, "n", null, T, null,
                null, null, null, null);
    }

    private static ValidationResult.Valid valid(TokenUse use, Map<String, Object> extra, boolean platformAdmin) {
        TokenClaims claims = TokenClaims.builder().subject("Alice@Example.com").jti("j1").tokenUse(use).extra(extra)
                .build();
        return new ValidationResult.Valid(new VerifiedToken(new TokenHeader("HS256", "k", "JWT"), claims), List.of(),
                platformAdmin);
    }

    @Test
    void anOwnerMayAccessOwnTokensOnly() {
        Caller alice = new Caller("Alice@Example.com", "j1", TokenUse.SESSION, false, false);

        assertThat(alice.subject()).isEqualTo("alice@example.com");
        assertThat(alice.canAccess(tokenOf("alice@example.com"))).isTrue();
        assertThat(alice.canAccess(tokenOf("ALICE@example.com"))).isTrue();
        assertThat(alice.canAccess(tokenOf("bob@example.com"))).isFalse();
    }

    @Test
    void anAdminMayAccessEveryonesTokens() {
        Caller carol = new Caller("carol@example.com", "j2", TokenUse.SESSION, true, false);

        assertThat(carol.canAccess(tokenOf("bob@example.com"))).isTrue();
        assertThat(carol.canAccess(tokenOf("carol@example.com"))).isTrue();
    }

    @Test
    void apiTokensCannotManageTokensButSessionAndLegacyTokensCan() {
        assertThat(new Caller("a@example.com", "j", TokenUse.API, false, false).canManageTokens()).isFalse();
        assertThat(new Caller("a@example.com", "j", TokenUse.API, true, false).canManageTokens())
                .as("not even an admin's API token").isFalse();
        assertThat(new Caller("a@example.com", "j", TokenUse.API, false, false).isApiToken()).isTrue();
        assertThat(new Caller("a@example.com", "j", TokenUse.SESSION, false, false).canManageTokens()).isTrue();
        assertThat(new Caller("a@example.com", "j", null, false, false).canManageTokens()).isTrue();
    }

    @Test
    void theAdminClaimMakesAnAdmin() {
        Caller caller = Caller.of(valid(TokenUse.SESSION, Map.of(Caller.ADMIN_CLAIM, true), false));

        assertThat(caller.admin()).isTrue();
        assertThat(caller.platformAdmin()).isFalse();
        assertThat(caller.subject()).isEqualTo("alice@example.com");
        assertThat(caller.jti()).isEqualTo("j1");
        assertThat(caller.tokenUse()).isEqualTo(TokenUse.SESSION);
    }

    @Test
    void onlyABooleanTrueAdminClaimCounts() {
        assertThat(Caller.of(valid(TokenUse.SESSION, Map.of(), false)).admin()).isFalse();
        assertThat(Caller.of(valid(TokenUse.SESSION, Map.of(Caller.ADMIN_CLAIM, false), false)).admin()).isFalse();
        assertThat(Caller.of(valid(TokenUse.SESSION, Map.of(Caller.ADMIN_CLAIM, "true"), false)).admin()).isFalse();
    }

    @Test
    void thePlatformAdminIsAnAdmin() {
        Caller caller = Caller.of(valid(TokenUse.SESSION, Map.of(), true));

        assertThat(caller.admin()).isTrue();
        assertThat(caller.platformAdmin()).isTrue();
    }

    @Test
    void anApiTokenOfAnAdminStillCannotManageTokens() {
        Caller caller = Caller.of(valid(TokenUse.API, Map.of(Caller.ADMIN_CLAIM, true), false));

        assertThat(caller.admin()).isTrue();
        assertThat(caller.canManageTokens()).isFalse();
    }
}
