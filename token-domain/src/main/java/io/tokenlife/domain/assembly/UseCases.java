package io.tokenlife.domain.assembly;

import io.tokenlife.domain.policy.IssuancePolicy;
import io.tokenlife.domain.policy.validation.ValidationPolicy;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.in.RefreshSessionUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.service.CountTokensService;
import io.tokenlife.domain.service.FamilyAdministrationService;
import io.tokenlife.domain.service.FamilyRevocation;
import io.tokenlife.domain.service.IssueTokenService;
import io.tokenlife.domain.service.ListSecurityEventsService;
import io.tokenlife.domain.service.LoginService;
import io.tokenlife.domain.model.LoginIdentifiers;
import io.tokenlife.domain.service.RefreshSessionService;
import io.tokenlife.domain.service.RefreshTokenMinter;
import io.tokenlife.domain.service.RevokeAllTokensService;
import io.tokenlife.domain.service.RevokeTokenService;
import io.tokenlife.domain.service.SigningKeyService;
import io.tokenlife.domain.service.SsoLoginService;
import io.tokenlife.domain.service.StaticKeysService;
import io.tokenlife.domain.service.TokenRegistryService;
import io.tokenlife.domain.service.UserAdministrationService;
import io.tokenlife.domain.service.ValidateTokenService;

import java.nio.charset.StandardCharsets;
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
                       ManageSigningKeysUseCase signingKeys, RunKeyScheduleUseCase keySchedule,
                       RefreshSessionUseCase refreshSession, ManageFamiliesUseCase families) {
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
        Objects.requireNonNull(refreshSession, "refreshSession");
        Objects.requireNonNull(families, "families");
    }

    public static UseCases wire(Ports ports, DomainSettings settings) {
        IssueTokenUseCase issue = issue(ports, settings);
        RevokeAllTokensUseCase revokeAll = revokeAll(ports);
        ManageUsersUseCase users = users(ports, revokeAll);
        TokenRegistryService registry = registry(ports, settings);
        ManageSigningKeysUseCase keys = keys(ports, settings);
        RefreshTokenMinter minter = refreshTokens(ports, settings);
        FamilyRevocation familyRevocation = familyRevocation(ports, settings);
        return new UseCases(issue, validate(ports, settings), revoke(ports, settings), revokeAll, registry, registry,
                registry, login(ports, settings, issue, minter), users, sso(ports, users, issue, minter), counts(ports),
                securityEvents(ports), keys, (RunKeyScheduleUseCase) keys,
                refresh(ports, settings, issue, minter, familyRevocation), families(ports, settings, familyRevocation));
    }

    /** Managed keys: store, materials, ring, the registry for the last tokens of each key, the schedule; else static. */
    private static ManageSigningKeysUseCase keys(Ports ports, DomainSettings settings) {
        return ports.keys().managed().<ManageSigningKeysUseCase>map(k -> new SigningKeyService(k.store(), k.materials(),
                        k.ring(), ports.registry(), settings.keySchedule(), ports.events(), ports.clock()))
                .orElseGet(StaticKeysService::new);
    }

    /** The refresh tokens of logins and refreshes: random values, only their hashes stored. */
    private static RefreshTokenMinter refreshTokens(Ports ports, DomainSettings settings) {
        return new RefreshTokenMinter(ports.refreshTokens(), ports.secrets(), ports.jtis(), settings.sessions());
    }

    /** Ends a family through the ordinary jti revocation of its access tokens. */
    private static FamilyRevocation familyRevocation(Ports ports, DomainSettings settings) {
        return new FamilyRevocation(ports.refreshTokens(), ports.registry(), ports.revocations(), ports.events(),
                settings.validation().leeway());
    }

    /** A refresh mints through the same issuance use case as a login. */
    private static RefreshSessionUseCase refresh(Ports ports, DomainSettings settings, IssueTokenUseCase issue,
                                                 RefreshTokenMinter minter, FamilyRevocation families) {
        return new RefreshSessionService(ports.refreshTokens(), minter, issue, families, ports.revocations(),
                ports.revocationIndex(), ports.users(), settings.bootstrapAdmin(), settings.sessions(), ports.events(),
                ports.clock());
    }

    private static ManageFamiliesUseCase families(Ports ports, DomainSettings settings, FamilyRevocation revocation) {
        return new FamilyAdministrationService(ports.refreshTokens(), revocation, ports.revocationIndex(),
                settings.sessions(), ports.clock());
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
        return new TokenRegistryService(ports.registry(), ports.revocations(), ports.refreshTokens(),
                settings.revocation().leeway(), ports.clock());
    }

    /** For operators: live tokens by source and use, recent revocations. */
    private static CountTokensUseCase counts(Ports ports) {
        return new CountTokensService(ports.registry(), ports.clock());
    }

    /** For operators: the recent security events of every replica. */
    private static ListSecurityEventsUseCase securityEvents(Ports ports) {
        return new ListSecurityEventsService(ports.securityEventLog());
    }

    private static LoginUseCase login(Ports ports, DomainSettings settings, IssueTokenUseCase issue,
                                      RefreshTokenMinter minter) {
        // a fresh secret is 256 random bits: the per-process key of the digests of unknown login identifiers
        LoginIdentifiers identifiers = new LoginIdentifiers(ports.secrets().newSecret().getBytes(StandardCharsets.UTF_8));
        return new LoginService(settings.bootstrapAdmin(), ports.users(), ports.passwords(), issue, ports.events(),
                identifiers, minter);
    }

    /** A change that takes rights away revokes the user's tokens, through the revoke-all use case. */
    private static ManageUsersUseCase users(Ports ports, RevokeAllTokensUseCase revokeAll) {
        return new UserAdministrationService(ports.users(), ports.passwords(), revokeAll, ports.clock());
    }

    private static SsoLoginUseCase sso(Ports ports, ManageUsersUseCase users, IssueTokenUseCase issue,
                                       RefreshTokenMinter minter) {
        return new SsoLoginService(ports.ssoProviders(), ports.externalTokens(), ports.users(), users, issue,
                ports.events(), minter);
    }
}
