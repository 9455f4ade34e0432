package io.tokenlife.app.http.user.archfixture;

import io.tokenlife.app.http.token.TokenMetadata;
import io.tokenlife.app.http.user.UserEndpoints;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.domain.assembly.UseCases;

/**
 * Breaks the feature rules of {@code HttpArchitectureTest} (a test fixture in a feature's package, outside the
 * real scan): a public handler that is no record, takes the whole {@link UseCases}, answers with another
 * feature's DTO and builds an {@link Endpoints} itself.
 */
public final class UserHandlerThatReachesTooFar {
    private final UseCases useCases;

    public UserHandlerThatReachesTooFar(UseCases useCases) {
        this.useCases = useCases;
    }

    public Endpoints endpoints() {
        return new UserEndpoints(useCases.manageUsers());
    }

    public String jtiOf(TokenMetadata token) {
        return token.jti();
    }
}
