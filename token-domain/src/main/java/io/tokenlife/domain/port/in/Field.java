package io.tokenlife.domain.port.in;

/**
 * The part of a command an {@link Invalid} result names, in the domain's words. Each edge keeps one table
 * from these to what its users typed: JSON fields and path parameters for HTTP, flags for the CLI.
 */
public enum Field {
    SUBJECT, JTI, SCOPE, NAME, LIFETIME, EXPIRES_AT, CLAIM, EMAIL, PASSWORD, FULL_NAME, CUTOFF, REASON, CURSOR,
    EVENT_TYPE, KEY_ID, FAMILY
}
