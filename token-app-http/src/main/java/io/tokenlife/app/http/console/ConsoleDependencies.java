package io.tokenlife.app.http.console;

import io.tokenlife.app.http.ops.ReadinessCheck;
import io.tokenlife.app.http.web.CsrfGuard;
import io.tokenlife.app.http.web.LoginThrottle;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.LoginUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the admin console needs: domain use cases only, plus the startup review's findings, the readiness
 * of this process (database, revocation sync), the login throttle it shares with the JSON logins, and
 * whether cookies must be {@code Secure}.
 */
public record ConsoleDependencies(ValidateTokenUseCase validate, LoginUseCase login, RevokeTokenUseCase revoke,
                                  RevokeAllTokensUseCase revokeAll, ListTokensUseCase list, FindTokenUseCase find,
                                  CountTokensUseCase counts, ManageUsersUseCase users,
                                  ListSecurityEventsUseCase events, List<ConfigurationFinding> findings,
                                  ReadinessCheck readiness, LoginThrottle throttle, boolean secureCookies,
                                  CsrfGuard csrf, Clock clock) {
    public ConsoleDependencies {
        Objects.requireNonNull(validate, "validate");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(revoke, "revoke");
        Objects.requireNonNull(revokeAll, "revokeAll");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(find, "find");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(clock, "clock");
        findings = List.copyOf(findings);
    }
}
