package io.tokenlife.domain.service;

import io.tokenlife.domain.port.out.JtiGenerator;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The default jti: a random (version 4) UUID from a cryptographically strong generator. Each thread draws
 * from a DRBG of its own: {@code UUID.randomUUID()} goes through one lock-guarded NativePRNG per JVM, and
 * concurrent issuers queued on that lock (profiled under HTTP load, bench/README.md).
 */
public final class UuidJtiGenerator implements JtiGenerator {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(UuidJtiGenerator::newRandom);

    @Override
    public String newJti() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG"); // seeded from the system's entropy source
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
