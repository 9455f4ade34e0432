package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keys written once per JVM to a temp directory, and settings that point at them. */
final class JwtTestKit {
    static final String HS256_SECRET = "0123456789abcdef0123456789abcdef-hs256";
    static final String HS384_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef-hs384";
    static final String HS512_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef-hs512";
    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static final Map<SigningAlgorithm.Family, Path[]> FILES = new EnumMap<>(SigningAlgorithm.Family.class);
    private static final Map<String, Path[]> CURVES = new java.util.HashMap<>();
    private static Path dir;

    private JwtTestKit() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("tokenlife-jwt-test");
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** [private PEM, public PEM] for the algorithm's family (one RSA 2048 pair serves RS* and PS*). */
    static synchronized Path[] pemFiles(SigningAlgorithm algorithm) {
        if (algorithm.family() == SigningAlgorithm.Family.EC) {
            return ecFiles(KeyRules.curveFor(algorithm).getStdName());
        }
        return FILES.computeIfAbsent(algorithm.family(), f -> write(f.name(), generate(algorithm)));
    }

    static synchronized Path[] ecFiles(String curve) {
        return CURVES.computeIfAbsent(curve, c -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(c));
                return write("ec-" + c, g.generateKeyPair());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static KeyPair generate(SigningAlgorithm algorithm) {
        try {
            switch (algorithm.family()) {
                case RSA:
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(2048);
                    return rsa.generateKeyPair();
                case OKP:
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                default:
                    return Keys.generateKeyPair(algorithm);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path[] write(String name, KeyPair pair) {
        try {
            Path priv = dir().resolve(name + "-private.pem");
            Path pub = dir().resolve(name + "-public.pem");
            Files.writeString(priv, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
            priv.toFile().deleteOnExit();
            pub.toFile().deleteOnExit();
            return new Path[]{priv, pub};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String secretFor(SigningAlgorithm algorithm) {
        switch (algorithm) {
            case HS384: return HS384_SECRET;
            case HS512: return HS512_SECRET;
            default: return HS256_SECRET;
        }
    }

    /** Settings for {@code algorithm} with its keys configured, plus any overrides. */
    static TokenlifeSettings settings(SigningAlgorithm algorithm, String... overrides) {
        List<String> kv = new ArrayList<>(List.of("JWT_ALGORITHM", algorithm.joseName()));
        if (algorithm.isSymmetric()) {
            kv.addAll(List.of("JWT_SECRET_KEY", secretFor(algorithm)));
        } else {
            Path[] files = pemFiles(algorithm);
            kv.addAll(List.of("JWT_PRIVATE_KEY_PATH", files[0].toString(), "JWT_PUBLIC_KEY_PATH", files[1].toString()));
        }
        kv.addAll(List.of(overrides));
        return TestSettings.with(kv.toArray(String[]::new));
    }

    static TokenClaims claims(String jti) {
        return TokenClaims.builder()
                .issuer("mcpgateway").audience("mcpgateway-api").subject("alice@example.com")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(1200)).jti(jti).tokenUse(TokenUse.SESSION)
                .scope("tokens:read").extra(Map.of("team", "blue")).build();
    }
}
