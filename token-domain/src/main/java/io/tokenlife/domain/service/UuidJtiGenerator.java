package io.tokenlife.domain.service;

import io.tokenlife.domain.port.out.JtiGenerator;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The default jti: a time-ordered (version 7, RFC 9562) UUID — the Unix time in milliseconds, then 74 bits from a
 * cryptographically strong generator. Time first because the registry's primary key is the jti: new rows land
 * at the end of its B-tree instead of on a random page, and each H2 commit rewrites one page of that index
 * rather than one per row (a third of the recording's CPU, ADR 0013). The 74 random bits keep jtis unguessable
 * and unique; the time they reveal is the token's own {@code iat}. Each thread draws from a DRBG of its own:
 * {@code UUID.randomUUID()} goes through one lock-guarded NativePRNG per JVM, and concurrent issuers queued on
 * that lock (profiled under HTTP load, bench/README.md).
 */
public final class UuidJtiGenerator implements JtiGenerator {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(UuidJtiGenerator::newRandom);

    @Override
    public String newJti() {
        return next(System.currentTimeMillis(), RANDOM.get()).toString();
    }

    /** The layout of RFC 9562 §5.7: unix_ts_ms (48 bits), ver 7, rand_a (12), variant 0b10, rand_b (62). */
    static UUID next(long unixMillis, SecureRandom random) {
        byte[] bits = new byte[10]; // one draw for both random fields
        random.nextBytes(bits);
        ByteBuffer buffer = ByteBuffer.wrap(bits);
        long randA = buffer.getShort() & 0x0fffL;
        long randB = buffer.getLong();
        long high = (unixMillis & 0xffff_ffff_ffffL) << 16 | 0x7000L | randA;
        long low = randB & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG"); // seeded from the system's entropy source
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
