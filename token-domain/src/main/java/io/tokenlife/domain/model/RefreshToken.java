package io.tokenlife.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored refresh token: its SHA-256 hash (never the token), its family, the token it was rotated from
 * ({@code parentId}, null for the first of a family), the access token issued with it, and its state.
 * It is spent when exchanged; {@code graceUsedAt} records the one retry the grace window allows.
 * Revocation is the family's.
 */
public record RefreshToken(String id, String tokenHash, String familyId, String parentId, String accessJti,
                           Instant issuedAt, Instant expiresAt, Instant spentAt, Instant graceUsedAt) {
    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The stored form of a refresh token's value: SHA-256, lower-case hex (64 characters). */
    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public boolean isSpent() {
        return spentAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }

    public RefreshToken spent(Instant at) {
        return new RefreshToken(id, tokenHash, familyId, parentId, accessJti, issuedAt, expiresAt, at, graceUsedAt);
    }

    public RefreshToken graceUsed(Instant at) {
        return new RefreshToken(id, tokenHash, familyId, parentId, accessJti, issuedAt, expiresAt, spentAt, at);
    }

    @Override
    public String toString() {
        // the hash identifies the token too; keep it out of logs
        return "RefreshToken[id=" + id + ", family=" + familyId + ", spent=" + isSpent() + "]";
    }
}
