package io.tokenlife.domain.service;

import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.policy.IssuancePolicy;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.JtiGenerator;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.TokenSigner;

import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.revocation.IssuanceStamp;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Issues every token: decide the claims, sign, record in the registry, then hand it out. */
public final class IssueTokenService implements IssueTokenUseCase {
    private final IssuancePolicy policy;
    private final TokenSigner signer;
    private final IssuedTokenStore registry;
    private final JtiGenerator jtis;
    private final RevocationIndex revocations;
    private final SecurityEvents events;
    private final Clock clock;

    public IssueTokenService(IssuancePolicy policy, TokenSigner signer, IssuedTokenStore registry, JtiGenerator jtis,
                             RevocationIndex revocations, SecurityEvents events, Clock clock) {
        this.policy = policy;
        this.signer = signer;
        this.registry = registry;
        this.jtis = jtis;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    /** Now, in whole seconds as {@code iat} carries it, unless a cut-off already covers this second ({@link IssuanceStamp}). */
    private Instant issuedAt(String subject) {
        return IssuanceStamp.issuedAt(revocations, subject, clock.instant());
    }

    @Override
    public IssueTokenResult issue(IssueTokenCommand command) {
        String jti = command.requestedJti().orElseGet(jtis::newJti);
        IssuancePolicy.Decision decision = policy.decide(command, issuedAt(command.subject()), jti);
        if (decision instanceof IssuancePolicy.Refused refused) {
            return refused.refusal();
        }
        TokenClaims claims = ((IssuancePolicy.Claims) decision).claims();
        TokenSigner.Signed signed = signer.signed(claims);
        String compact = signed.compact();
        TokenRecord record = new TokenRecord(jti, claims.subject(), command.source(), command.tokenUse(),
                command.name().orElse(null), claims.scope(), claims.issuedAt(), claims.expiresAt(),
                null, null, null, null, signed.keyId(), command.familyId().orElse(null));
        try {
            registry.record(record);
        } catch (IssuedTokenStore.DuplicateJtiException e) {
            return new Invalid(Field.JTI, e.getMessage());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jti", jti);
        fields.put("subject", claims.subject());
        fields.put("source", command.source().wireName());
        fields.put("token_use", command.tokenUse().wireName());
        fields.put("expires_at", String.valueOf(claims.expiresAt()));
        if (signed.keyId() != null) {
            fields.put("kid", signed.keyId());
        }
        command.familyId().ifPresent(f -> fields.put("family_id", f));
        events.emit(SecurityEvent.info(SecurityEventType.TOKEN_ISSUED, "token issued", fields));
        return new IssueTokenResult.Issued(new IssuedToken(compact, claims, record));
    }
}
