package io.tokenlife.domain.service;

import io.tokenlife.domain.model.RevocationCutoff;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecurityEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Revoke-all by cut-off instant, for one subject or the whole platform. */
public final class RevokeAllTokensService implements RevokeAllTokensUseCase {
    private final RevocationStore revocations;
    private final SecurityEvents events;
    private final Clock clock;

    public RevokeAllTokensService(RevocationStore revocations, SecurityEvents events, Clock clock) {
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public RevokeAllTokensResult revokeAll(RevokeAllTokensCommand command) {
        Instant now = clock.instant();
        Instant cutoff = command.before().orElse(now);
        if (cutoff.isAfter(now)) {
            // a future cut-off would silently revoke tokens not yet issued
            throw new IllegalArgumentException("the cut-off " + cutoff + " is in the future; give an instant up to now");
        }
        if (command.subject().map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("the subject must not be blank");
        }
        RevocationCutoff revocation = new RevocationCutoff(command.subject(), cutoff, command.revokedBy(),
                command.reason().orElse(null));
        revocations.revokeAll(revocation);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", revocation.subject().orElse("*"));
        fields.put("cutoff", cutoff.toString());
        fields.put("revoked_by", command.revokedBy());
        fields.put("reason", revocation.reason());
        events.emit(SecurityEvent.info(SecurityEventType.SUBJECT_TOKENS_REVOKED, "tokens revoked by cut-off", fields));
        return new RevokeAllTokensResult(revocation.subject(), cutoff);
    }
}
