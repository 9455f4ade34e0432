package io.tokenlife.adapters.persistence;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.tokenlife.domain.port.out.PasswordHasher;

import java.nio.charset.StandardCharsets;

/** bcrypt, cost 11 (about 100–200 ms a hash on a small core: slow for guessing, bearable for a login). */
final class BcryptPasswordHasher implements PasswordHasher {
    static final int COST = 11;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    // bcrypt reads at most 72 bytes; a longer password is truncated (as every bcrypt does), not refused
    private static final BCrypt.Hasher HASHER = BCrypt.with(VERSION, LongPasswordStrategies.truncate(VERSION));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION));

    @Override
    public String hash(String password) {
        return HASHER.hashToString(COST, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty()) {
            return false;
        }
        try {
            return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false; // not a bcrypt hash: no password matches it
        }
    }
}
