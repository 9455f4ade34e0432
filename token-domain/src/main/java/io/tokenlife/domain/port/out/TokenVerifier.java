package io.tokenlife.domain.port.out;

/**
 * Steps 1–3 of validation (docs/explanation/token-lifecycle.md#validation): size and shape, algorithm, key by
 * {@code kid} and signature.
 * Everything that depends on time or state is the validation policy's, never the verifier's, so a
 * verifier may cache its answers for a token it has seen.
 */
public interface TokenVerifier {
    Verification verify(String token);
}
