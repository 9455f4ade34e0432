package io.tokenlife.domain.fakes;

import io.tokenlife.domain.port.out.PasswordHasher;

/** Reversible "hash" for tests only; counts the checks, which stand for bcrypt's cost. */
public final class PlainPasswordHasher implements PasswordHasher {
    private final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();

    /** How many times {@link #matches} ran. */
    public int checks() {
        return checks.get();
    }

    @Override
    public String hash(String password) {
        return "plain:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        return hash.equals("plain:" + password);
    }
}
