package io.tokenlife.domain.service;

import io.tokenlife.domain.port.out.SecretGenerator;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Refresh-token values: {@code tlr_} and 32 random bytes (256 bits) in base64url. The prefix tells a refresh
 * token from a JWT at a glance (and to secret scanners); each thread draws from a DRBG of its own.
 */
public final class SecureRandomSecrets implements SecretGenerator {
    public static final String PREFIX = "tlr_";
    static final int BYTES = 32;
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandomSecrets::newRandom);

    @Override
    public String newSecret() {
        byte[] bytes = new byte[BYTES];
        RANDOM.get().nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
