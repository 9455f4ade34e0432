package io.tokenlife.app.http.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.app.http.settings.LoginLimitSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Throttles failed logins, per process: a client address may fail {@code LOGIN_RATE_LIMIT_PER_MINUTE} times
 * a minute, and an account is locked <em>for one client address</em> for {@code ACCOUNT_LOCKOUT_DURATION_MINUTES}
 * after {@code MAX_FAILED_LOGIN_ATTEMPTS} failures from it. The lock is keyed on the account and the address
 * together, so a stranger who types wrong passwords for the platform admin locks out only himself, never the
 * admin at another address (ADR 0010). Only failures count; a success clears that pair's failures.
 * {@link #check} runs before the password is looked at, so a throttled guess costs nothing and learns nothing.
 * Counters live in memory: with several replicas each one counts on its own. The log lines name the address,
 * never the account as typed (it may be a password typed into the wrong field).
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private record AccountFailures(int count, Instant lockedUntil) {
    }

    private record AddressWindow(Instant start, int failures) {
    }

    private final LoginLimitSettings limits;
    private final Clock clock;
    private final Cache<String, AccountFailures> accounts;
    private final Cache<String, AddressWindow> addresses;

    public LoginThrottle(LoginLimitSettings limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // expiry follows the same clock as the decisions, so forgotten entries are exactly the stale ones
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(limits.lockout())
                .ticker(this::nanos).build();
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(WINDOW.multipliedBy(2))
                .ticker(this::nanos).build();
    }

    /** A 429 {@code rate_limited} with {@code Retry-After} when the account is locked or the address is over its limit. */
    public void check(String account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            AccountFailures failures = accounts.getIfPresent(key(account, address));
            if (failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())) {
                LOG.warn("login refused without checking the password: the account is locked for {} after {} failures",
                        address, failures.count());
                throw ApiException.rateLimited("too many failed logins for this account; try again later",
                        Duration.between(now, failures.lockedUntil()));
            }
        }
        AddressWindow window = addresses.getIfPresent(address);
        if (window != null && now.isBefore(window.start().plus(WINDOW))
                && window.failures() >= limits.perAddressPerMinute()) {
            LOG.warn("login refused without checking the password: too many failures from {}", address);
            throw ApiException.rateLimited("too many failed logins from this address; try again later",
                    Duration.between(now, window.start().plus(WINDOW)));
        }
    }

    /** Counts a failure against the account (when known) and the address. */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            accounts.asMap().compute(key(account, address), (k, old) -> {
                boolean fresh = old == null || old.lockedUntil() != null && !now.isBefore(old.lockedUntil());
                int count = fresh ? 1 : old.count() + 1;
                return new AccountFailures(count, count >= limits.maxFailedAttempts() ? now.plus(limits.lockout()) : null);
            });
        }
        addresses.asMap().compute(address, (k, old) -> old == null || !now.isBefore(old.start().plus(WINDOW))
                ? new AddressWindow(now, 1) : new AddressWindow(old.start(), old.failures() + 1));
    }

    /** A successful login clears the failures of the account at that address; the address window is left as it is. */
    public void succeeded(String account, String address) {
        accounts.invalidate(key(account, address));
    }

    private static String key(String account, String address) {
        return Subjects.normalize(account) + '\u0000' + address;
    }

    private long nanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
