package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.SsoLoginCommand;
import io.tokenlife.domain.port.in.SsoLoginResult;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.port.out.UserDirectory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SSO: verify the provider's ID token with the provider's keys, map its e-mail claim to a user (created
 * on first login when the provider allows it), and issue a platform session token with source {@code sso}.
 */
public final class SsoLoginService implements SsoLoginUseCase {
    private final SsoProviders providers;
    private final ExternalTokenVerifier verifier;
    private final UserDirectory users;
    private final ManageUsersUseCase userAdministration;
    private final IssueTokenUseCase issuer;
    private final SecurityEvents events;
    private final RefreshTokenMinter refreshTokens;

    public SsoLoginService(SsoProviders providers, ExternalTokenVerifier verifier, UserDirectory users,
                           ManageUsersUseCase userAdministration, IssueTokenUseCase issuer, SecurityEvents events,
                           RefreshTokenMinter refreshTokens) {
        this.providers = providers;
        this.verifier = verifier;
        this.users = users;
        this.userAdministration = userAdministration;
        this.issuer = issuer;
        this.events = events;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public SsoLoginResult login(SsoLoginCommand command) {
        Optional<SsoProvider> provider = providers.find(command.providerId());
        if (provider.isEmpty()) {
            return new SsoLoginResult.UnknownProvider(command.providerId());
        }
        ExternalTokenVerifier.Result verified = verifier.verify(provider.get(), command.idToken());
        if (verified instanceof ExternalTokenVerifier.Refused refused) {
            return refuse(command, null, refused.detail());
        }
        TokenClaims claims = ((ExternalTokenVerifier.Verified) verified).claims();
        Object emailValue = provider.get().emailClaim().equals("sub")
                ? claims.subject() : claims.extra().get(provider.get().emailClaim());
        if (!(emailValue instanceof String) || ((String) emailValue).isBlank()) {
            return refuse(command, null, "the ID token has no '" + provider.get().emailClaim() + "' claim");
        }
        if (Boolean.FALSE.equals(claims.extra().get("email_verified"))) {
            return refuse(command, (String) emailValue, "the provider says the e-mail address is not verified");
        }
        String email = Subjects.normalize((String) emailValue);
        Optional<User> user = users.find(email);
        if (user.isEmpty()) {
            if (!provider.get().autoCreateUsers()) {
                return refuse(command, email, "no user " + email + " and provider '" + provider.get().id()
                        + "' does not create users");
            }
            CreateUserResult created = userAdministration.create(new CreateUserCommand(
                    Actor.operator("sso:" + provider.get().id()), email,
                    Optional.ofNullable(claims.extra().get("name")).map(Object::toString), Optional.empty(), false));
            if (created instanceof Invalid invalid) {
                return refuse(command, email, "the provider's user cannot be created: " + invalid.detail());
            }
            // taken: another login of the same user created it in the meantime
            user = created instanceof CreateUserResult.Created c ? Optional.of(c.user()) : users.find(email);
        }
        if (user.isEmpty() || !user.get().active()) {
            return refuse(command, email, "the user " + email + " is disabled");
        }
        Optional<String> family = refreshTokens.newFamilyId();
        IssueTokenResult result = issuer.issue(new IssueTokenCommand(email, TokenSource.SSO, TokenUse.SESSION,
                Expiry.byDefault(), Optional.empty(),
                user.get().admin() ? Map.of(Caller.ADMIN_CLAIM, true) : Map.of(), Optional.empty(), Optional.empty(),
                family));
        if (result instanceof IssueTokenResult.Issued issued) {
            return new SsoLoginResult.LoggedIn(issued.token(), refreshTokens.start(family, issued.token()));
        }
        return new SsoLoginResult.Refused(((Invalid) result).detail());
    }

    private SsoLoginResult refuse(SsoLoginCommand command, String email, String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("provider", command.providerId());
        fields.put("email", email);
        fields.put("reason", detail);
        fields.put("source", TokenSource.SSO.wireName());
        fields.put("client", command.clientAddress());
        events.emit(SecurityEvent.warn(SecurityEventType.LOGIN_FAILED, "SSO login refused", fields));
        return new SsoLoginResult.Refused(detail);
    }
}
