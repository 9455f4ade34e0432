-- Every process holds all users in memory, so that validation (step 9) never waits on the database, also
-- for a subject it has not seen. Like revocations, user writes take the next number of their own sequence
-- under its row lock, and the other processes catch up on the rows above the last number they have seen.
ALTER TABLE users ADD COLUMN seq BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX users_seq ON users (seq);

CREATE TABLE user_sequence (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO user_sequence (id, last_seq) VALUES (1, 0);
