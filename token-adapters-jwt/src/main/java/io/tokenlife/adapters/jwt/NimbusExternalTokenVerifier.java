package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;

import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a provider's ID token with that provider's keys only: asymmetric algorithms, the provider's
 * issuer and audience, {@code exp} required. Tokens signed with our own keys fail here by construction.
 */
final class NimbusExternalTokenVerifier implements ExternalTokenVerifier {
    static final int MAX_TOKEN_LENGTH = Limits.MAX_TOKEN_CHARS;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.Ed25519, JWSAlgorithm.EdDSA);

    private final Duration leeway;
    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();

    NimbusExternalTokenVerifier(Duration leeway) {
        this.leeway = leeway;
    }

    @Override
    public Result verify(SsoProvider provider, String idToken) {
        if (idToken == null || idToken.isBlank() || idToken.length() > MAX_TOKEN_LENGTH) {
            return new Refused("the ID token is empty or longer than " + MAX_TOKEN_LENGTH + " bytes");
        }
        try {
            JWTClaimsSet claims = processor(provider).process(idToken, null);
            return new Verified(toClaims(claims));
        } catch (ParseException e) {
            return new Refused("the ID token is malformed");
        } catch (BadJOSEException e) {
            return new Refused("the ID token was not accepted for provider '" + provider.id() + "': " + e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            return new Refused("the keys of provider '" + provider.id() + "' could not be used: " + e.getMessage());
        } catch (IllegalStateException e) {
            return new Refused(e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(SsoProvider provider) {
        return processors.computeIfAbsent(provider.id(), id -> {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(provider)));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(provider.audience(),
                    new JWTClaimsSet.Builder().issuer(provider.issuer()).build(), Set.of("iss", "aud", "exp", "iat"));
            claims.setMaxClockSkew((int) leeway.toSeconds());
            processor.setJWTClaimsSetVerifier(claims);
            return processor;
        });
    }

    private static JWKSource<SecurityContext> keys(SsoProvider provider) {
        if (provider.jwksFile().isPresent()) {
            try {
                return new ImmutableJWKSet<>(JWKSet.load(provider.jwksFile().get().toFile()));
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("the JWKS file of provider '" + provider.id() + "' cannot be read: "
                        + provider.jwksFile().get());
            }
        }
        try {
            // cached, refreshed ahead of expiry, rate-limited, retried once: the provider's JWKS is not fetched per login
            return JWKSourceBuilder.<SecurityContext>create(provider.jwksUri().get().toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the jwks_uri of provider '" + provider.id() + "' is not a URL");
        }
    }

    private static TokenClaims toClaims(JWTClaimsSet set) {
        Map<String, Object> extra = new HashMap<>(set.getClaims());
        TokenClaims.REGISTERED.forEach(extra::remove);
        extra.values().removeIf(v -> v == null);
        Object scope = set.getClaim("scope");
        return new TokenClaims(set.getIssuer(), set.getAudience(), set.getSubject(), instant(set.getIssueTime()),
                instant(set.getNotBeforeTime()), instant(set.getExpirationTime()), set.getJWTID(), null,
                scope instanceof String s ? s : null, null, jsonSafe(extra));
    }

    private static Map<String, Object> jsonSafe(Map<String, Object> extra) {
        extra.replaceAll((k, v) -> v instanceof Date d ? d.getTime() / 1000 : v);
        return extra;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
