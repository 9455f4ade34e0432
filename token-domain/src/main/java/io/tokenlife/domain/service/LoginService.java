package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.LoginIdentifiers;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.UserDirectory;
import io.tokenlife.domain.settings.BootstrapAdmin;
import io.tokenlife.domain.settings.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password login; a login starts a refresh-token family where refresh tokens are kept. Users in the directory log in with their hash; the configured platform admin logs in
 * through the bootstrap while it is enabled and has no user row. The refusal is the same whatever failed,
 * and so is the cost: every attempt checks one bcrypt hash, the bootstrap and unknown users included, so
 * the answer's timing tells nothing about which case it was. An identifier that is no user is never
 * written into an event as typed (it may be a password in the wrong field): only its {@link LoginIdentifiers}
 * digest.
 */
public final class LoginService implements LoginUseCase {
    static final String REFUSAL = "invalid e-mail or password";

    private final BootstrapAdmin admin;
    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final IssueTokenUseCase issuer;
    private final SecurityEvents events;
    private final LoginIdentifiers identifiers;
    private final RefreshTokenMinter refreshTokens;
    private volatile String decoyHash;

    public LoginService(BootstrapAdmin admin, UserDirectory users, PasswordHasher hasher,
                        IssueTokenUseCase issuer, SecurityEvents events, LoginIdentifiers identifiers,
                        RefreshTokenMinter refreshTokens) {
        this.identifiers = identifiers;
        this.admin = admin;
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.events = events;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public LoginResult login(LoginCommand command) {
        String email = Subjects.normalize(command.email());
        Optional<User> user = users.find(email);
        if (user.isEmpty() && admin.is(email)) {
            return bootstrapLogin(command, email);
        }
        if (user.isEmpty()) {
            hasher.matches(command.password().value(), decoyHash()); // same cost as a wrong password
            return refuse(command, "identifier", identifiers.digest(email), "unknown_user");
        }
        String hash = user.get().passwordHash();
        // SSO-only users have no password: refused like a wrong one, at the same cost
        if (!hasher.matches(command.password().value(), hash == null ? decoyHash() : hash) || hash == null) {
            return refuse(command, "email", email, "wrong_password");
        }
        if (!user.get().active()) {
            return refuse(command, "email", email, "user_disabled");
        }
        return issue(email, command, user.get().admin(), false);
    }

    private LoginResult bootstrapLogin(LoginCommand command, String email) {
        Secret expected = admin.password().orElseThrow();
        hasher.matches(command.password().value(), decoyHash()); // the cost of a user's login, not 4 ms
        if (!MessageDigest.isEqual(expected.utf8(), command.password().value().getBytes(StandardCharsets.UTF_8))) {
            return refuse(command, "email", email, "wrong_password");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", email);
        fields.put("source", command.source().wireName());
        fields.put("client", command.clientAddress());
        events.emit(SecurityEvent.info(SecurityEventType.PLATFORM_ADMIN_AUTH,
                "platform admin logged in through the configuration bootstrap", fields));
        return issue(email, command, true, true);
    }

    private LoginResult issue(String email, LoginCommand command, boolean admin, boolean platformAdmin) {
        Optional<String> family = refreshTokens.newFamilyId();
        IssueTokenCommand issue = new IssueTokenCommand(email, command.source(), TokenUse.SESSION, Expiry.byDefault(),
                Optional.empty(), admin ? Map.of(Caller.ADMIN_CLAIM, true) : Map.of(), Optional.empty(),
                Optional.empty(), family);
        IssueTokenResult result = issuer.issue(issue);
        if (result instanceof IssueTokenResult.Issued issued) {
            return new LoginResult.LoggedIn(issued.token(), platformAdmin, refreshTokens.start(family, issued.token()));
        }
        return new LoginResult.Refused(((Invalid) result).detail());
    }

    /** @param field {@code email} for a known user's e-mail, {@code identifier} for the digest of one that is no user */
    private LoginResult refuse(LoginCommand command, String field, String who, String why) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field, who);
        fields.put("reason", why);
        fields.put("source", command.source().wireName());
        fields.put("client", command.clientAddress());
        events.emit(SecurityEvent.warn(SecurityEventType.LOGIN_FAILED, "login failed", fields));
        return new LoginResult.Refused(REFUSAL);
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash("decoy password for unknown users");
            decoyHash = hash;
        }
        return hash;
    }
}
