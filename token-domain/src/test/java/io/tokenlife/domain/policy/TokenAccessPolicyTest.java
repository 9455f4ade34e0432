package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Owner or admin" (docs/reference/http-api.md#tokens), for every edge: find, list and revoke ask here. */
class TokenAccessPolicyTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
    private static final Actor ALICE = new Caller("Alice@Example.com", "j1", TokenUse.SESSION, false, false).actor();
    private static final Actor CAROL = new Caller("carol@example.com", "j2", TokenUse.SESSION, true, false).actor();
    private static final Actor OPERATOR = Actor.operator("cli:ops");

    private static TokenRecord tokenOf(String subject) {
        return new TokenRecord("jti-" + subject, subject, TokenSource.API, TokenUse.API, "n", null, T, null,
                null, null, null, null);
    }

    @Test
    void anOwnerMayAccessOwnTokensOnly() {
        assertThat(TokenAccessPolicy.maySee(ALICE, tokenOf("alice@example.com"))).isTrue();
        assertThat(TokenAccessPolicy.maySee(ALICE, tokenOf("ALICE@example.com"))).isTrue();
        assertThat(TokenAccessPolicy.maySee(ALICE, tokenOf("bob@example.com"))).isFalse();
    }

    @Test
    void anAdminMayAccessEveryonesTokens() {
        assertThat(TokenAccessPolicy.maySee(CAROL, tokenOf("bob@example.com"))).isTrue();
        assertThat(TokenAccessPolicy.maySee(CAROL, tokenOf("carol@example.com"))).isTrue();
        assertThat(TokenAccessPolicy.maySee(OPERATOR, tokenOf("bob@example.com"))).as("the CLI's operator").isTrue();
    }

    @Test
    void onlyAnAdminMayRevokeATokenWhoseOwnerIsUnknown() {
        assertThat(TokenAccessPolicy.mayRevoke(ALICE, Optional.of("alice@example.com"))).isTrue();
        assertThat(TokenAccessPolicy.mayRevoke(ALICE, Optional.of("bob@example.com"))).isFalse();
        assertThat(TokenAccessPolicy.mayRevoke(ALICE, Optional.empty())).isFalse();
        assertThat(TokenAccessPolicy.mayRevoke(CAROL, Optional.empty())).isTrue();
        assertThat(TokenAccessPolicy.mayRevoke(OPERATOR, Optional.of("bob@example.com"))).isTrue();
    }

    @Test
    void aListingIsLimitedToTheActorsOwnTokensUnlessTheActorIsAnAdmin() {
        TokenQuery all = TokenQuery.all();
        TokenQuery bobs = all.withSubject("bob@example.com");

        assertThat(TokenAccessPolicy.listable(ALICE, all)).contains(all.withSubject("alice@example.com"));
        assertThat(TokenAccessPolicy.listable(ALICE, all.withSubject("ALICE@example.com")))
                .contains(all.withSubject("alice@example.com"));
        assertThat(TokenAccessPolicy.listable(ALICE, bobs)).isEmpty();
        assertThat(TokenAccessPolicy.listable(CAROL, all)).contains(all);
        assertThat(TokenAccessPolicy.listable(CAROL, bobs)).contains(bobs);
    }

    @Test
    void introspectionIsForAdminsAndForTokensCarryingTheIntrospectScope() {
        Caller admin = new Caller("carol@example.com", "j", TokenUse.SESSION, true, false);
        Caller resourceServer = new Caller("rs@example.com", "j", TokenUse.API, false, false,
                java.util.Set.of("read", TokenAccessPolicy.INTROSPECT_SCOPE));
        Caller user = new Caller("alice@example.com", "j", TokenUse.SESSION, false, false, java.util.Set.of("read"));

        assertThat(TokenAccessPolicy.mayIntrospect(admin)).isTrue();
        assertThat(TokenAccessPolicy.mayIntrospect(resourceServer)).isTrue();
        assertThat(TokenAccessPolicy.mayIntrospect(user)).isFalse();
    }

    @Test
    void onlyAnAdminMayPutTheIntrospectScopeInAToken() {
        assertThat(TokenAccessPolicy.mayRequestScope(CAROL, "read tokens:introspect")).isTrue();
        assertThat(TokenAccessPolicy.mayRequestScope(OPERATOR, "tokens:introspect")).isTrue();
        assertThat(TokenAccessPolicy.mayRequestScope(ALICE, "read tokens:introspect")).isFalse();
        assertThat(TokenAccessPolicy.mayRequestScope(ALICE, "read write")).isTrue();
        assertThat(TokenAccessPolicy.mayRequestScope(ALICE, "tokens:introspection")).as("only the exact word").isTrue();
    }
}
