package io.tokenlife.domain.port.in;

/** The registry, filtered and paged: an admin sees every token, anyone else their own. */
public interface ListTokensUseCase {
    ListTokensResult list(ListTokensQuery query);
}
