-- Refresh-token families: one login and every token descended from it by refresh.
-- A family is revoked as a whole; rotations lock its row (SELECT ... FOR UPDATE), so a rotation and a
-- revocation of the same family never interleave.
CREATE TABLE token_families (
    family_id  VARCHAR(255)  NOT NULL PRIMARY KEY,
    subject    VARCHAR(320)  NOT NULL,
    source     VARCHAR(16)   NOT NULL,
    started_at BIGINT        NOT NULL,
    revoked_at BIGINT,
    revoked_by VARCHAR(320),
    reason     VARCHAR(1000)
);
CREATE INDEX token_families_subject ON token_families (subject);

-- Refresh tokens by the SHA-256 (hex) of their value: the value itself is never stored.
-- parent_id: the token this one was rotated from; spent_at: when it was exchanged;
-- grace_used_at: when its one retry inside REFRESH_REUSE_GRACE_SECONDS was used.
CREATE TABLE refresh_tokens (
    id            VARCHAR(255) NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64)  NOT NULL,
    family_id     VARCHAR(255) NOT NULL,
    parent_id     VARCHAR(255),
    access_jti    VARCHAR(255),
    issued_at     BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    spent_at      BIGINT,
    grace_used_at BIGINT,
    CONSTRAINT refresh_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id, issued_at);
CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- The family of a session token issued by a login or a refresh (null for other tokens).
ALTER TABLE issued_tokens ADD COLUMN family_id VARCHAR(255);
CREATE INDEX issued_tokens_family ON issued_tokens (family_id, issued_at);
