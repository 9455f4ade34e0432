package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;

/** The registry, filtered and paged. Authorization (own tokens versus all) is the caller's. */
public interface ListTokensUseCase {
    Page<TokenRecord> list(TokenQuery query);
}
