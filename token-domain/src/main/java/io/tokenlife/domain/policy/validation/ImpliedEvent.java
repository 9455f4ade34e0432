package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The security event a rule's verdict implies, declared once beside the rule: its type, level, message
 * (the verdict's own detail when none is given) and which claims it names. Never the token itself.
 */
public record ImpliedEvent(SecurityEventType type, SecurityEvent.Level level, String message,
                           Function<TokenClaims, Map<String, String>> fields) {
    public ImpliedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(fields, "fields");
    }

    /** A warning naming the token's subject, jti and issuer, with the verdict's detail as its message. */
    public static ImpliedEvent warning(SecurityEventType type) {
        return new ImpliedEvent(type, SecurityEvent.Level.WARN, null, ImpliedEvent::tokenFields);
    }

    /** The event for this token; {@code detail} is the verdict's sentence, the message unless one is declared. */
    public SecurityEvent describe(TokenClaims claims, String detail) {
        return new SecurityEvent(type, level, message != null ? message : detail, fields.apply(claims));
    }

    /** subject, jti, iss: how a token is named in a security event. */
    public static Map<String, String> tokenFields(TokenClaims claims) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", claims.subject());
        fields.put("jti", claims.jti());
        fields.put("iss", claims.issuer());
        return fields;
    }
}
