package io.tokenlife.domain.assembly;

import io.tokenlife.domain.policy.IssuancePolicy;
import io.tokenlife.domain.policy.validation.ValidationPolicy;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.service.CountTokensService;
import io.tokenlife.domain.service.IssueTokenService;
import io.tokenlife.domain.service.ListSecurityEventsService;
import io.tokenlife.domain.service.LoginService;
import io.tokenlife.domain.service.RevokeAllTokensService;
import io.tokenlife.domain.service.RevokeTokenService;
import io.tokenlife.domain.service.SigningKeyService;
import io.tokenlife.domain.service.SsoLoginService;
import io.tokenlife.domain.service.StaticKeysService;
import io.tokenlife.domain.service.TokenRegistryService;
import io.tokenlife.domain.service.UserAdministrationService;
import io.tokenlife.domain.service.ValidateTokenService;

import java.util.Objects;

/**
 * Every use case of the domain, built once and eagerly over a set of outbound ports. The only place
 * that constructs services (an architecture rule says so): each has one small factory method below,
 * which reads as the list of what that use case is made of.
 */
public record UseCases(IssueTokenUseCase issueToken, ValidateTokenUseCase validateToken,
                       RevokeTokenUseCase revokeToken, RevokeAllTokensUseCase revokeAllTokens,
                       FindTokenUseCase findToken, ListTokensUseCase listTokens, PurgeExpiredUseCase purgeExpired,
                       LoginUseCase login, ManageUsersUseCase manageUsers, SsoLoginUseCase ssoLogin,
                       CountTokensUseCase countTokens, ListSecurityEventsUseCase securityEvents,
                       ManageSigningKeysUseCase signingKeys, RunKeyScheduleUseCase keySchedule) {
    public UseCases {
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(validateToken, "validateToken");
        Objects.requireNonNull(revokeToken, "revokeToken");
        Objects.requireNonNull(revokeAllTokens, "revokeAllTokens");
        Objects.requireNonNull(findToken, "findToken");
        Objects.requireNonNull(listTokens, "listTokens");
        Objects.requireNonNull(purgeExpired, "purgeExpired");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(manageUsers, "manageUsers");
        Objects.requireNonNull(ssoLogin, "ssoLogin");
        Objects.requireNonNull(countTokens, "countTokens");
        Objects.requireNonNull(securityEvents, "securityEvents");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(keySchedule, "keySchedule");
    }

    public static UseCases wire(Ports ports, DomainSettings settings) {
        IssueTokenUseCase issue = issue(ports, settings);
        RevokeAllTokensUseCase revokeAll = revokeAll(ports);
        ManageUsersUseCase users = users(ports, revokeAll);
        TokenRegistryService registry = registry(ports, settings);
        ManageSigningKeysUseCase keys = keys(ports, settings);
        return new UseCases(issue, validate(ports, settings), revoke(ports, settings), revokeAll, registry, registry,
                registry, login(ports, settings, issue), users, sso(ports, users, issue), counts(ports),
                securityEvents(ports), keys, (RunKeyScheduleUseCase) keys);
    }

    /** Managed keys: store, materials, ring, the registry for the last tokens of each key, the schedule; else static. */
    private static ManageSigningKeysUseCase keys(Ports ports, DomainSettings settings) {
        return ports.keys().managed().<ManageSigningKeysUseCase>map(k -> new SigningKeyService(k.store(), k.materials(),
                        k.ring(), ports.registry(), settings.keySchedule(), ports.events(), ports.clock()))
                .orElseGet(StaticKeysService::new);
    }

    private static IssueTokenUseCase issue(Ports ports, DomainSettings settings) {
        return new IssueTokenService(new IssuancePolicy(settings.identity(), settings.issuance()), ports.signer(),
                ports.registry(), ports.jtis(), ports.revocationIndex(), ports.events(), ports.clock());
    }

    private static ValidateTokenUseCase validate(Ports ports, DomainSettings settings) {
        ValidationPolicy policy = ValidationPolicy.of(settings.validation(), settings.identity(),
                settings.bootstrapAdmin(), ports.revocationIndex(), ports.users());
        return new ValidateTokenService(ports.verifier(), policy, ports.registry(), ports.events(), ports.clock());
    }

    private static RevokeTokenUseCase revoke(Ports ports, DomainSettings settings) {
        return new RevokeTokenService(ports.registry(), ports.revocations(), ports.events(), settings.revocation(),
                ports.clock());
    }

    private static RevokeAllTokensUseCase revokeAll(Ports ports) {
        return new RevokeAllTokensService(ports.revocations(), ports.events(), ports.clock());
    }

    /** Find, list and purge read the same registry. */
    private static TokenRegistryService registry(Ports ports, DomainSettings settings) {
        return new TokenRegistryService(ports.registry(), ports.revocations(), settings.revocation().leeway(),
                ports.clock());
    }

    /** For operators: live tokens by source and use, recent revocations. */
    private static CountTokensUseCase counts(Ports ports) {
        return new CountTokensService(ports.registry(), ports.clock());
    }

    /** For operators: the recent security events of every replica. */
    private static ListSecurityEventsUseCase securityEvents(Ports ports) {
        return new ListSecurityEventsService(ports.securityEventLog());
    }

    private static LoginUseCase login(Ports ports, DomainSettings settings, IssueTokenUseCase issue) {
        return new LoginService(settings.bootstrapAdmin(), ports.users(), ports.passwords(), issue, ports.events());
    }

    /** A change that takes rights away revokes the user's tokens, through the revoke-all use case. */
    private static ManageUsersUseCase users(Ports ports, RevokeAllTokensUseCase revokeAll) {
        return new UserAdministrationService(ports.users(), ports.passwords(), revokeAll, ports.clock());
    }

    private static SsoLoginUseCase sso(Ports ports, ManageUsersUseCase users, IssueTokenUseCase issue) {
        return new SsoLoginService(ports.ssoProviders(), ports.externalTokens(), ports.users(), users, issue,
                ports.events());
    }
}
