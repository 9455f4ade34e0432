package io.tokenlife.domain.port.out;

/** Makes fresh, unpredictable opaque secrets (refresh tokens): at least 256 bits, URL-safe. */
public interface SecretGenerator {
    String newSecret();
}
