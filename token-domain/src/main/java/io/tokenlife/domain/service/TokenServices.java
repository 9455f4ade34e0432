package io.tokenlife.domain.service;

import io.tokenlife.domain.policy.IssuancePolicy;
import io.tokenlife.domain.policy.ValidationPolicy;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.JtiGenerator;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.RevocationIndex;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecurityEventLog;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.UserDirectory;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;

/**
 * The use cases of the domain wired over a set of outbound ports, one small factory method each.
 * Both composition roots (HTTP and CLI) build their adapters and hand them here.
 */
public final class TokenServices {
    /** The outbound ports the domain needs. */
    public record Ports(TokenSigner signer, TokenVerifier verifier, IssuedTokenStore registry,
                        RevocationStore revocations, RevocationIndex revocationIndex, UserDirectory users,
                        PasswordHasher passwords, JtiGenerator jtis, SecurityEvents events, Clock clock) {
    }

    private final TokenlifeSettings settings;
    private final Ports ports;
    private final IssueTokenService issue;
    private final ValidateTokenService validate;
    private final TokenRegistryService registry;

    public TokenServices(TokenlifeSettings settings, Ports ports) {
        this.settings = settings;
        this.ports = ports;
        this.issue = new IssueTokenService(new IssuancePolicy(settings), ports.signer(), ports.registry(),
                ports.jtis(), ports.revocationIndex(), ports.events(), ports.clock());
        this.validate = new ValidateTokenService(ports.verifier(),
                ValidationPolicy.of(settings, ports.revocationIndex(), ports.users()), ports.registry(),
                ports.events(), ports.clock());
        this.registry = new TokenRegistryService(ports.registry(), ports.revocations(),
                settings.validation().leeway(), ports.clock());
    }

    public TokenlifeSettings settings() {
        return settings;
    }

    public IssueTokenUseCase issueToken() {
        return issue;
    }

    public ValidateTokenUseCase validateToken() {
        return validate;
    }

    public RevokeTokenUseCase revokeToken() {
        return new RevokeTokenService(ports.registry(), ports.revocations(), ports.events(), settings, ports.clock());
    }

    public RevokeAllTokensUseCase revokeAllTokens() {
        return new RevokeAllTokensService(ports.revocations(), ports.events(), ports.clock());
    }

    public ListTokensUseCase listTokens() {
        return registry;
    }

    public FindTokenUseCase findToken() {
        return registry;
    }

    public CountTokensUseCase countTokens() {
        return new CountTokensService(ports.registry(), ports.clock());
    }

    /** The operators' view of recent security events, over the log the composition root keeps. */
    public ListSecurityEventsUseCase securityEvents(SecurityEventLog log) {
        return new ListSecurityEventsService(log);
    }

    public PurgeExpiredUseCase purgeExpired() {
        return registry;
    }

    public LoginUseCase login() {
        return new LoginService(settings, ports.users(), ports.passwords(), issue, ports.events());
    }

    /** User administration over the write side of the user store. */
    public ManageUsersUseCase manageUsers(UserStore store) {
        return new UserAdministrationService(store, ports.passwords(), revokeAllTokens(), ports.clock());
    }

    /** SSO exchange with the trusted providers and a verifier of their ID tokens. */
    public SsoLoginUseCase ssoLogin(SsoProviders providers, ExternalTokenVerifier verifier, UserStore store) {
        return new SsoLoginService(providers, verifier, ports.users(), manageUsers(store), issue, ports.events());
    }
}
