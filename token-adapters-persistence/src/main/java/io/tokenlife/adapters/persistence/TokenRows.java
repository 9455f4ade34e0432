package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.TokenRecord;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.Optional;

/**
 * The plain query of the {@code issued_tokens} table as a Jdbi SqlObject (rows map through the
 * {@link TokenRecord} mapper that {@link Database} registers). The keyset listing, whose SQL is built
 * from the filters, stays on the fluent API.
 */
interface TokenRows {
    String COLUMNS = "jti, subject, source, token_use, name, scope, issued_at, expires_at, revoked_at, revoked_by, "
            + "reason, last_used_at, kid, family_id";

    @SqlQuery("SELECT " + COLUMNS + " FROM issued_tokens WHERE jti = :jti")
    Optional<TokenRecord> find(String jti);
}
