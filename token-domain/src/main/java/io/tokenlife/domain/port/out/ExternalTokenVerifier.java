package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.model.TokenClaims;

import java.util.Objects;

/**
 * Verifies an ID token of a trusted provider: signature against the provider's keys, the provider's
 * issuer and audience, expiry. Our own keys are never accepted here.
 */
public interface ExternalTokenVerifier {
    Result verify(SsoProvider provider, String idToken);

    /** Where no provider is trusted: every ID token is refused. */
    static ExternalTokenVerifier none() {
        return (provider, idToken) -> new Refused("no SSO provider is trusted here");
    }

    sealed interface Result {
    }

    record Verified(TokenClaims claims) implements Result {
        public Verified {
            Objects.requireNonNull(claims, "claims");
        }
    }

    record Refused(String detail) implements Result {
        public Refused {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
