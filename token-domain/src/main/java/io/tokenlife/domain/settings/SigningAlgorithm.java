package io.tokenlife.domain.settings;

import java.util.Arrays;
import java.util.Optional;

/** The JWS algorithms tokenlife signs and verifies with; {@code none} is not one of them. */
public enum SigningAlgorithm {
    HS256(Family.HMAC), HS384(Family.HMAC), HS512(Family.HMAC),
    RS256(Family.RSA), RS384(Family.RSA), RS512(Family.RSA),
    PS256(Family.RSA), PS384(Family.RSA), PS512(Family.RSA),
    ES256(Family.EC), ES384(Family.EC), ES512(Family.EC),
    EdDSA(Family.OKP);

    /** The key type an algorithm needs. */
    public enum Family { HMAC, RSA, EC, OKP }

    private final Family family;

    SigningAlgorithm(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    public boolean isSymmetric() {
        return family == Family.HMAC;
    }

    /** The JOSE name, exactly as it appears in a header ({@code alg}). */
    public String joseName() {
        return name();
    }

    public static Optional<SigningAlgorithm> fromJoseName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}
