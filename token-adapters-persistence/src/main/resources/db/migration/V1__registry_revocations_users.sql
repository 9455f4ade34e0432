-- One dialect for H2 (MODE=PostgreSQL) and PostgreSQL.
-- Instants are epoch milliseconds (BIGINT): exact round trips on both, cheap keyset comparisons.
-- The token itself is never stored.

CREATE TABLE issued_tokens (
    jti          VARCHAR(255) NOT NULL PRIMARY KEY,
    subject      VARCHAR(320) NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    token_use    VARCHAR(16)  NOT NULL,
    name         VARCHAR(1000),
    scope        VARCHAR(4000),
    issued_at    BIGINT       NOT NULL,
    expires_at   BIGINT,
    revoked_at   BIGINT,
    revoked_by   VARCHAR(320),
    reason       VARCHAR(1000),
    last_used_at BIGINT
);
-- keyset paging, newest first, with and without the subject / source filters
CREATE INDEX issued_tokens_newest ON issued_tokens (issued_at DESC, jti);
CREATE INDEX issued_tokens_subject_newest ON issued_tokens (subject, issued_at DESC, jti);
CREATE INDEX issued_tokens_source_newest ON issued_tokens (source, issued_at DESC, jti);
CREATE INDEX issued_tokens_expires ON issued_tokens (expires_at);

-- Revocations by jti, also for jtis the registry never saw. seq: the revocation sequence at insert.
CREATE TABLE jti_revocations (
    jti        VARCHAR(255) NOT NULL PRIMARY KEY,
    subject    VARCHAR(320),
    revoked_at BIGINT       NOT NULL,
    revoked_by VARCHAR(320),
    reason     VARCHAR(1000),
    expires_at BIGINT,
    seq        BIGINT       NOT NULL
);
CREATE INDEX jti_revocations_seq ON jti_revocations (seq);
CREATE INDEX jti_revocations_expires ON jti_revocations (expires_at);

-- Revoke-all cut-offs: kind 'subject' (subject = the lower-cased e-mail) or 'global' (subject = '').
-- A later cut-off replaces an earlier one; seq is the sequence of the last change.
CREATE TABLE revocation_cutoffs (
    kind       VARCHAR(8)   NOT NULL,
    subject    VARCHAR(320) NOT NULL,
    cutoff     BIGINT       NOT NULL,
    revoked_by VARCHAR(320),
    reason     VARCHAR(1000),
    seq        BIGINT       NOT NULL,
    PRIMARY KEY (kind, subject),
    CONSTRAINT revocation_cutoffs_kind CHECK (kind IN ('subject', 'global'))
);
CREATE INDEX revocation_cutoffs_seq ON revocation_cutoffs (seq);

-- The revocation sequence. Writers lock this row (SELECT ... FOR UPDATE) for the length of their
-- transaction, so sequence numbers become visible in commit order and a reader's "seq > last seen"
-- catch-up can never skip a revocation committed late.
CREATE TABLE revocation_sequence (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO revocation_sequence (id, last_seq) VALUES (1, 0);

CREATE TABLE users (
    email         VARCHAR(320) NOT NULL PRIMARY KEY,
    full_name     VARCHAR(1000),
    password_hash VARCHAR(255),
    admin         BOOLEAN      NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    BIGINT,
    updated_at    BIGINT,
    -- stored lower-cased, so the primary key is unique without regard to case
    CONSTRAINT users_email_lower CHECK (email = LOWER(email))
);
