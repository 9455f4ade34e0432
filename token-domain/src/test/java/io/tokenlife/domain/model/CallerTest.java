package io.tokenlife.domain.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    private static ValidationResult.Valid valid(TokenUse use, Map<String, Object> extra, boolean platformAdmin) {
        TokenClaims claims = TokenClaims.builder().subject("Alice@Example.com").jti("j1").tokenUse(use).extra(extra)
                .build();
        return new ValidationResult.Valid(new VerifiedToken(new TokenHeader("HS256", "k", "JWT"), claims), List.of(),
                platformAdmin);
    }

    @Test
    void theSubjectIsNormalisedAndTheCallerActsWithItsRightsAndKindOfToken() {
        Caller alice = new Caller("Alice@Example.com", "j1", TokenUse.SESSION, false, false);

        assertThat(alice.subject()).isEqualTo("alice@example.com");
        assertThat(alice.actor()).isEqualTo(new Actor("alice@example.com", false, Actor.Kind.SESSION_TOKEN));
        assertThat(new Caller("c@example.com", "j", TokenUse.API, true, false).actor())
                .isEqualTo(new Actor("c@example.com", true, Actor.Kind.API_TOKEN));
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
    void anApiTokenNeverCarriesAdminRightsWhoeverItBelongsTo() {
        Caller claimed = Caller.of(valid(TokenUse.API, Map.of(Caller.ADMIN_CLAIM, true), false));
        Caller platformAdmin = Caller.of(valid(TokenUse.API, Map.of(), true));

        assertThat(claimed.admin()).as("a database admin's API token").isFalse();
        assertThat(platformAdmin.admin()).as("the platform admin's API token").isFalse();
        assertThat(platformAdmin.platformAdmin()).isTrue();
        assertThat(claimed.canManageTokens()).isFalse();
        assertThat(claimed.actor().admin()).isFalse();
    }

    @Test
    void theScopesAreTheSpaceSeparatedWordsOfTheScopeClaim() {
        TokenClaims claims = TokenClaims.builder().subject("a@example.com").tokenUse(TokenUse.API)
                .scope(" read  tokens:introspect ").build();
        Caller caller = Caller.of(new ValidationResult.Valid(new VerifiedToken(new TokenHeader("HS256", "k", "JWT"),
                claims), List.of(), false));

        assertThat(caller.scopes()).containsExactlyInAnyOrder("read", "tokens:introspect");
        assertThat(caller.hasScope("tokens:introspect")).isTrue();
        assertThat(Caller.scopesOf(null)).isEmpty();
    }
}
