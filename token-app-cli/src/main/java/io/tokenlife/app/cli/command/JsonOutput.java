package io.tokenlife.app.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.User;

import java.time.Instant;
import java.util.LinkedHashMap;

import java.util.List;
import java.util.Map;

/**
 * JSON for scripts, with the field names of the HTTP API (snake_case; RFC 3339 times). Claims are the
 * domain's {@code ClaimsJson}, as the HTTP API shows them.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonOutput() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Token metadata, as {@code GET /tokens/{jti}} shows it. */
    public static Map<String, Object> token(TokenRecord t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jti", t.jti());
        m.put("subject", t.subject());
        m.put("source", t.source().wireName());
        m.put("token_use", t.tokenUse().wireName());
        m.put("name", t.name());
        m.put("scope", t.scope());
        m.put("issued_at", time(t.issuedAt()));
        m.put("expires_at", time(t.expiresAt()));
        m.put("status", t.status(now).wireName());
        m.put("revoked_at", time(t.revokedAt()));
        m.put("revoked_by", t.revokedBy());
        m.put("reason", t.reason());
        m.put("last_used_at", time(t.lastUsedAt()));
        m.put("family_id", t.familyId());
        return m;
    }

    /** A refresh token of a family, as {@code GET /families/{id}} shows it: never its value or hash. */
    public static Map<String, Object> refreshToken(io.tokenlife.domain.model.RefreshToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("parent_id", t.parentId());
        m.put("access_jti", t.accessJti());
        m.put("issued_at", time(t.issuedAt()));
        m.put("expires_at", time(t.expiresAt()));
        m.put("spent_at", time(t.spentAt()));
        m.put("state", t.isSpent() ? "spent" : "current");
        return m;
    }

    /** A user, as {@code GET /users} shows it: never the password hash. */
    public static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", u.email());
        m.put("full_name", u.fullName());
        m.put("admin", u.admin());
        m.put("active", u.active());
        m.put("created_at", time(u.createdAt()));
        m.put("updated_at", time(u.updatedAt()));
        return m;
    }

    public static Map<String, Object> items(List<?> items, String next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("next", next);
        return m;
    }
}
