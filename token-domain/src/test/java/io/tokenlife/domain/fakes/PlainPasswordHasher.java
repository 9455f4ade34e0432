package io.tokenlife.domain.fakes;

import io.tokenlife.domain.port.out.PasswordHasher;

/** Reversible "hash" for tests only. */
public final class PlainPasswordHasher implements PasswordHasher {
    @Override
    public String hash(String password) {
        return "plain:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.equals("plain:" + password);
    }
}
