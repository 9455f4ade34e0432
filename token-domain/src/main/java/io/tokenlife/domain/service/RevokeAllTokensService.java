package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecurityEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
        Optional<Invalid> invalid = invalid(command, cutoff, now);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String revokedBy = command.actor().subject();
        RevocationCutoff revocation = new RevocationCutoff(command.subject(), cutoff, revokedBy,
                command.reason().orElse(null));
        revocations.revokeAll(revocation);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", revocation.subject().orElse("*"));
        fields.put("cutoff", cutoff.toString());
        fields.put("revoked_by", revokedBy);
        fields.put("reason", revocation.reason());
        events.emit(SecurityEvent.info(SecurityEventType.SUBJECT_TOKENS_REVOKED, "tokens revoked by cut-off", fields));
        return new RevokeAllTokensResult.Revoked(revocation.subject(), cutoff);
    }

    private static Optional<Invalid> invalid(RevokeAllTokensCommand command, Instant cutoff, Instant now) {
        if (cutoff.isAfter(now)) {
            // a future cut-off would silently revoke tokens not yet issued
            return Optional.of(new Invalid(Field.CUTOFF, "the cut-off " + cutoff
                    + " is in the future; give an instant up to now"));
        }
        if (command.subject().map(String::isBlank).orElse(false)) {
            return Optional.of(Invalid.blank(Field.SUBJECT));
        }
        if (Limits.exceeds(command.subject().orElse(null), Limits.MAX_SUBJECT)) {
            return Optional.of(Invalid.tooLong(Field.SUBJECT, Limits.MAX_SUBJECT));
        }
        if (Limits.exceeds(command.reason().orElse(null), Limits.MAX_REASON)) {
            return Optional.of(Invalid.tooLong(Field.REASON, Limits.MAX_REASON));
        }
        return Actors.tooLong(command.actor());
    }
}
