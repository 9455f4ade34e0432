package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * When managed keys change state, as a pure function of the keys, the registry and the clock
 * (docs/explanation/key-schedule.md):
 * <ul>
 *   <li>without an active key, the oldest next key signs at once, or a new key is made that signs at once;</li>
 *   <li>{@code publishAhead} before the active key has signed for {@code rotationPeriod}, a next key is
 *       published that takes over no earlier than {@code publishAhead} from now;</li>
 *   <li>a next key whose time has come becomes active, and the active key is retired;</li>
 *   <li>a retired key is removed when the registry knows no token signed by it that is still accepted
 *       (expiry plus {@code leeway}), and not before {@code leeway} after its retirement.</li>
 * </ul>
 * Revoked and removed keys never change again.
 */
public record KeySchedule(Duration rotationPeriod, Duration publishAhead, Duration leeway) {
    public KeySchedule {
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        Objects.requireNonNull(publishAhead, "publishAhead");
        Objects.requireNonNull(leeway, "leeway");
        if (rotationPeriod.isNegative() || rotationPeriod.isZero() || publishAhead.isNegative() || leeway.isNegative()) {
            throw new IllegalArgumentException("the rotation period must be positive, publish-ahead and leeway not negative");
        }
    }

    /** A change the schedule asks for: make a key, or move one from a state to the next. */
    public sealed interface Transition permits Create, Change {
    }

    /** Make a new key, in state {@code next} or {@code active}, that signs from {@code activatesAt}. */
    public record Create(KeyState state, Instant activatesAt) implements Transition {
    }

    /** Move {@code before} to {@code after} (the store refuses when another replica changed it first). */
    public record Change(SigningKeyInfo before, SigningKeyInfo after) implements Transition {
    }

    /**
     * What is due at {@code now} for the keys of {@code algorithm}; {@code usage} answers, for a kid and
     * an instant, the tokens of that key the registry knows alive then.
     */
    public List<Transition> due(List<SigningKeyInfo> keys, SigningAlgorithm algorithm,
                                BiFunction<String, Instant, KeyUsage> usage, Instant now) {
        List<Transition> due = new ArrayList<>();
        List<SigningKeyInfo> active = of(keys, algorithm, KeyState.ACTIVE).stream()
                .sorted(Comparator.comparing(SigningKeyInfo::activatesAt).reversed()).toList();
        Optional<SigningKeyInfo> next = of(keys, algorithm, KeyState.NEXT).stream()
                .min(Comparator.comparing(SigningKeyInfo::activatesAt));
        if (active.isEmpty()) {
            if (next.isPresent()) {
                due.add(new Change(next.get(), next.get().activated(now)));
            } else {
                due.add(new Create(KeyState.ACTIVE, now));
            }
        } else {
            SigningKeyInfo current = active.get(0);
            active.stream().skip(1).forEach(extra -> due.add(new Change(extra, extra.retired(now))));
            Instant rotationDue = current.activatedAt().orElse(current.activatesAt()).plus(rotationPeriod);
            if (next.isPresent() && !now.isBefore(next.get().activatesAt())) {
                due.add(new Change(next.get(), next.get().activated(now)));
                due.add(new Change(current, current.retired(now)));
            } else if (next.isEmpty() && !now.isBefore(rotationDue.minus(publishAhead))) {
                Instant earliest = now.plus(publishAhead);
                due.add(new Create(KeyState.NEXT, rotationDue.isAfter(earliest) ? rotationDue : earliest));
            }
        }
        for (SigningKeyInfo retired : keys) {
            if (retired.state() == KeyState.RETIRED && removable(retired, usage, now)) {
                due.add(new Change(retired, retired.removed(now)));
            }
        }
        return due;
    }

    /** No token signed by the key is accepted any more, even with the leeway, and the leeway since retirement passed. */
    public boolean removable(SigningKeyInfo retired, BiFunction<String, Instant, KeyUsage> usage, Instant now) {
        Instant retiredAt = retired.retiredAt().orElse(now);
        if (now.isBefore(retiredAt.plus(leeway))) {
            return false;
        }
        return usage.apply(retired.kid(), now.minus(leeway)).liveTokens() == 0;
    }

    /** When the retired key can go at the earliest, as far as the registry knows at {@code now}. */
    public Optional<Instant> removalAt(SigningKeyInfo retired, KeyUsage usageNow) {
        if (usageNow.someNeverExpire()) {
            return Optional.empty();
        }
        Instant afterRetirement = retired.retiredAt().orElse(retired.activatesAt()).plus(leeway);
        Instant afterLastToken = usageNow.lastExpiry().map(exp -> exp.plus(leeway)).orElse(afterRetirement);
        return Optional.of(afterLastToken.isAfter(afterRetirement) ? afterLastToken : afterRetirement);
    }

    private static List<SigningKeyInfo> of(List<SigningKeyInfo> keys, SigningAlgorithm algorithm, KeyState state) {
        return keys.stream().filter(k -> k.algorithm() == algorithm && k.state() == state).toList();
    }
}
