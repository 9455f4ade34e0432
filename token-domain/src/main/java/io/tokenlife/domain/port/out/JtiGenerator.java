package io.tokenlife.domain.port.out;

/** Makes a fresh, unpredictable, unique {@code jti}. */
public interface JtiGenerator {
    String newJti();
}
