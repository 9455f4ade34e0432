-- The kid of the key that signed each token: a key is retired when its last live token expires, and a
-- revoked key's tokens are found by it. NULL for tokens recorded before this column existed.
ALTER TABLE issued_tokens ADD COLUMN kid VARCHAR(128);
CREATE INDEX issued_tokens_kid_expires ON issued_tokens (kid, expires_at);

-- Managed signing keys (KEY_MANAGEMENT=managed). The private key (or HMAC secret) is stored only sealed:
-- AES-GCM under a key derived from KEY_ENCRYPTION_SECRET. public_jwk is the published half (NULL for
-- HMAC, never published). Instants are epoch milliseconds; version counts changes of the row, so two
-- replicas cannot both move a key from one state to the next.
CREATE TABLE signing_keys (
    kid          VARCHAR(128)  NOT NULL PRIMARY KEY,
    algorithm    VARCHAR(16)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    public_jwk   VARCHAR(2000),
    sealed_key   BYTEA         NOT NULL,
    created_at   BIGINT        NOT NULL,
    activates_at BIGINT        NOT NULL,
    activated_at BIGINT,
    retired_at   BIGINT,
    removed_at   BIGINT,
    revoked_at   BIGINT,
    revoked_by   VARCHAR(320),
    reason       VARCHAR(500),
    version      BIGINT        NOT NULL,
    CONSTRAINT signing_keys_state CHECK (state IN ('next', 'active', 'retired', 'removed', 'revoked'))
);
CREATE INDEX signing_keys_by_state ON signing_keys (state, activates_at);
