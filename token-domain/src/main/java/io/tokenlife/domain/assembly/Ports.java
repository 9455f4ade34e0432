package io.tokenlife.domain.assembly;

import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.JtiGenerator;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecretGenerator;
import io.tokenlife.domain.port.out.SecurityEventLog;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.service.SecureRandomSecrets;

import java.time.Clock;
import java.util.Objects;

/**
 * Every outbound port the use cases need, as a composition root (or a test) builds them.
 * {@code securityEventLog} is where operators read recent security events back (the admin console);
 * {@code refreshTokens} keeps the refresh-token families ({@link RefreshTokenStore#none()}: logins hand out
 * no refresh token), whose values {@code secrets} makes.
 */
public record Ports(TokenSigner signer, TokenVerifier verifier, IssuedTokenStore registry,
                    RevocationStore revocations, RevocationIndex revocationIndex, UserStore users,
                    PasswordHasher passwords, JtiGenerator jtis, SsoProviders ssoProviders,
                    ExternalTokenVerifier externalTokens, SecurityEvents events, SecurityEventLog securityEventLog,
                    Clock clock, KeyPorts keys, RefreshTokenStore refreshTokens, SecretGenerator secrets) {
    /** Without refresh tokens. */
    public Ports(TokenSigner signer, TokenVerifier verifier, IssuedTokenStore registry, RevocationStore revocations,
                 RevocationIndex revocationIndex, UserStore users, PasswordHasher passwords, JtiGenerator jtis,
                 SsoProviders ssoProviders, ExternalTokenVerifier externalTokens, SecurityEvents events,
                 SecurityEventLog securityEventLog, Clock clock, KeyPorts keys) {
        this(signer, verifier, registry, revocations, revocationIndex, users, passwords, jtis, ssoProviders,
                externalTokens, events, securityEventLog, clock, keys, RefreshTokenStore.none(), new SecureRandomSecrets());
    }

    /** With static keys (the configuration's), as before managed keys. */
    public Ports(TokenSigner signer, TokenVerifier verifier, IssuedTokenStore registry, RevocationStore revocations,
                 RevocationIndex revocationIndex, UserStore users, PasswordHasher passwords, JtiGenerator jtis,
                 SsoProviders ssoProviders, ExternalTokenVerifier externalTokens, SecurityEvents events,
                 SecurityEventLog securityEventLog, Clock clock) {
        this(signer, verifier, registry, revocations, revocationIndex, users, passwords, jtis, ssoProviders,
                externalTokens, events, securityEventLog, clock, KeyPorts.none());
    }

    /** Without a readable event log (the CLI, tests, embedders): the operators' view of events is empty. */
    public Ports(TokenSigner signer, TokenVerifier verifier, IssuedTokenStore registry, RevocationStore revocations,
                 RevocationIndex revocationIndex, UserStore users, PasswordHasher passwords, JtiGenerator jtis,
                 SsoProviders ssoProviders, ExternalTokenVerifier externalTokens, SecurityEvents events, Clock clock) {
        this(signer, verifier, registry, revocations, revocationIndex, users, passwords, jtis, ssoProviders,
                externalTokens, events, SecurityEventLog.none(), clock);
    }

    public Ports {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(revocationIndex, "revocationIndex");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(jtis, "jtis");
        Objects.requireNonNull(ssoProviders, "ssoProviders");
        Objects.requireNonNull(externalTokens, "externalTokens");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(securityEventLog, "securityEventLog");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** The same ports with managed signing keys. */
    public Ports withKeys(KeyPorts managedKeys) {
        return new Ports(signer, verifier, registry, revocations, revocationIndex, users, passwords, jtis, ssoProviders,
                externalTokens, events, securityEventLog, clock, managedKeys, refreshTokens, secrets);
    }

    /** The same ports, keeping refresh-token families in {@code store}. */
    public Ports withRefreshTokens(RefreshTokenStore store) {
        return new Ports(signer, verifier, registry, revocations, revocationIndex, users, passwords, jtis, ssoProviders,
                externalTokens, events, securityEventLog, clock, keys, store, secrets);
    }

    /**
     * The ports of a process without a database (the CLI's {@code --no-db}): issuing records nothing, no
     * token is revoked, no user is known, no SSO provider is trusted; anything that would need durability
     * fails with {@code StoreUnavailableException}.
     */
    public static Ports offline(TokenSigner signer, TokenVerifier verifier, JtiGenerator jtis, SecurityEvents events,
                                Clock clock) {
        NoDatabase none = new NoDatabase();
        return new Ports(signer, verifier, none, none, RevocationIndex.standalone(), new NoDatabase.NoUsers(), none, jtis, SsoProviders.none(),
                ExternalTokenVerifier.none(), events, clock);
    }
}
