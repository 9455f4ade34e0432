package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema against the domain's {@link Limits}: every character column of the tables is named
 * here with the bound the domain puts on its values, and is at least that wide. A value the domain lets
 * through therefore always fits, so the database never refuses input (which would surface as an outage);
 * a new column without a bound fails this test.
 */
abstract class ColumnsHoldTheDomainLimits {
    /** bcrypt's modular-crypt string: "$2a$", the cost, "$", 53 characters of salt and hash. */
    private static final int BCRYPT_HASH = 60;

    static final Map<String, Integer> BOUNDS = Map.ofEntries(
            entry("issued_tokens.jti", Limits.MAX_JTI),
            entry("issued_tokens.subject", Limits.MAX_SUBJECT),
            entry("issued_tokens.source", longest(Arrays.stream(TokenSource.values()).map(TokenSource::wireName).toArray(String[]::new))),
            entry("issued_tokens.token_use", longest(Arrays.stream(TokenUse.values()).map(TokenUse::wireName).toArray(String[]::new))),
            entry("issued_tokens.name", Limits.MAX_TOKEN_NAME),
            entry("issued_tokens.scope", Limits.MAX_SCOPE),
            entry("issued_tokens.revoked_by", Limits.MAX_SUBJECT),
            entry("issued_tokens.reason", Limits.MAX_REASON),
            entry("issued_tokens.kid", Limits.MAX_KID),
            entry("signing_keys.kid", Limits.MAX_KID),
            entry("signing_keys.algorithm", longest(Arrays.stream(SigningAlgorithm.values()).map(SigningAlgorithm::joseName).toArray(String[]::new))),
            entry("signing_keys.state", longest("next", "active", "retired", "removed", "revoked")),
            entry("signing_keys.public_jwk", JdbiSigningKeyStore.MAX_PUBLIC_JWK),
            entry("signing_keys.revoked_by", Limits.MAX_SUBJECT),
            entry("signing_keys.reason", Limits.MAX_REASON),
            // family and refresh-token ids are jtis from the jti generator; the hash is SHA-256 in hex
            entry("issued_tokens.family_id", Limits.MAX_JTI),
            entry("token_families.family_id", Limits.MAX_JTI),
            entry("token_families.subject", Limits.MAX_SUBJECT),
            entry("token_families.source", longest(Arrays.stream(TokenSource.values()).map(TokenSource::wireName).toArray(String[]::new))),
            entry("token_families.revoked_by", Limits.MAX_SUBJECT),
            entry("token_families.reason", Limits.MAX_REASON),
            entry("refresh_tokens.id", Limits.MAX_JTI),
            entry("refresh_tokens.token_hash", 64),
            entry("refresh_tokens.family_id", Limits.MAX_JTI),
            entry("refresh_tokens.parent_id", Limits.MAX_JTI),
            entry("refresh_tokens.access_jti", Limits.MAX_JTI),
            entry("jti_revocations.jti", Limits.MAX_JTI),
            entry("jti_revocations.subject", Limits.MAX_SUBJECT),
            entry("jti_revocations.revoked_by", Limits.MAX_SUBJECT),
            entry("jti_revocations.reason", Limits.MAX_REASON),
            entry("revocation_cutoffs.kind", longest("subject", "global")),
            entry("revocation_cutoffs.subject", Limits.MAX_SUBJECT),
            entry("revocation_cutoffs.revoked_by", Limits.MAX_SUBJECT),
            entry("revocation_cutoffs.reason", Limits.MAX_REASON),
            entry("users.email", Limits.MAX_SUBJECT),
            entry("users.full_name", Limits.MAX_FULL_NAME),
            entry("users.password_hash", BCRYPT_HASH),
            // the adapter cuts message and fields to their columns, and keeps the subject only up to a subject's bound
            entry("security_events.type", longest(Arrays.stream(SecurityEventType.values()).map(SecurityEventType::wireName).toArray(String[]::new))),
            entry("security_events.level", longest("INFO", "WARN")),
            entry("security_events.subject", Limits.MAX_SUBJECT),
            entry("security_events.message", JdbiSecurityEventLog.MAX_MESSAGE),
            entry("security_events.fields", JdbiSecurityEventLog.MAX_FIELDS));

    /** A connection to a freshly migrated database. */
    protected abstract Connection migratedDatabase() throws SQLException;

    @Test
    void everyCharacterColumnIsBoundedByTheDomainAndHoldsItsLongestValue() throws SQLException {
        Map<String, Integer> columns = new TreeMap<>();
        try (Connection c = migratedDatabase(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, column_name, character_maximum_length "
                     + "FROM information_schema.columns WHERE LOWER(table_schema) = 'public' "
                     + "AND LOWER(data_type) IN ('character varying', 'varchar') "
                     + "AND LOWER(table_name) <> 'flyway_schema_history'")) {
            while (rs.next()) {
                columns.put((rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT), rs.getInt(3));
            }
        }

        assertThat(columns.keySet()).as("character columns of the schema").containsExactlyInAnyOrderElementsOf(BOUNDS.keySet());
        BOUNDS.forEach((column, bound) -> assertThat(columns.get(column))
                .as("%s holds the domain's bound of %d", column, bound).isGreaterThanOrEqualTo(bound));
    }

    private static int longest(String... values) {
        return Arrays.stream(values).mapToInt(String::length).max().orElseThrow();
    }
}
