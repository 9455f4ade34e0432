package io.tokenlife.app.http.token;

import java.util.List;

/** One page of a listing; {@code next} is the cursor of the following page, null on the last. */
public record TokenList(List<TokenMetadata> items, String next) {
    public TokenList {
        items = List.copyOf(items);
    }
}
