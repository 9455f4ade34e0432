package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenRecord;

import java.util.Objects;

/** One page of the listing, or why there is none. */
public sealed interface ListTokensResult permits ListTokensResult.Listed, ListTokensResult.Forbidden, Invalid {
    record Listed(Page<TokenRecord> page) implements ListTokensResult {
        public Listed {
            Objects.requireNonNull(page, "page");
        }
    }

    /** The actor asked for tokens that are not theirs to list. */
    record Forbidden(String detail) implements ListTokensResult {
    }
}
