package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenHeader;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A signer/verifier pair without cryptography: a token is an opaque handle to the claims it was
 * "signed" with. Unknown handles fail the signature check. For domain tests only.
 */
public final class FakeTokenCodec implements TokenSigner, TokenVerifier {
    public static final String KEY_ID = "fake";
    private final Map<String, TokenClaims> signed = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String sign(TokenClaims claims) {
        String token = "fake.token." + counter.incrementAndGet();
        signed.put(token, claims);
        return token;
    }

    /** Names the fake key, as a real signer names its {@code kid}. */
    @Override
    public Signed signed(TokenClaims claims) {
        return new Signed(sign(claims), KEY_ID);
    }

    /** A token with these claims, as if signed by a trusted key (claims the issuance policy would never make). */
    public String forge(TokenClaims claims) {
        return sign(claims);
    }

    @Override
    public Verification verify(String token) {
        TokenClaims claims = signed.get(token);
        if (claims == null) {
            return new Verification.Refused(ValidationCode.TOKEN_SIGNATURE_INVALID, "unknown token");
        }
        return new Verification.Verified(new VerifiedToken(new TokenHeader("HS256", KEY_ID, "JWT"), claims));
    }
}
