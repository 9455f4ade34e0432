package io.tokenlife.app.http.token;

import io.javalin.config.RoutesConfig;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.Routing;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.time.Clock;

/**
 * The token registry over HTTP: API tokens ({@link TokensHandler}), refresh-token families
 * ({@link FamiliesHandler}) and the operators' full verification ({@link VerifyHandler}). Creating and
 * revoking tokens needs a session token; reading takes any bearer, and the domain decides whose tokens it shows.
 */
public final class TokenEndpoints implements Endpoints {
    private final TokensHandler tokens;
    private final FamiliesHandler families;
    private final VerifyHandler verify;

    public TokenEndpoints(IssueTokenUseCase issue, ListTokensUseCase list, FindTokenUseCase find,
                          RevokeTokenUseCase revoke, RevokeAllTokensUseCase revokeAll, ManageFamiliesUseCase families,
                          ValidateTokenUseCase validate, Clock clock) {
        this.tokens = new TokensHandler(issue, list, find, revoke, revokeAll, families, clock);
        this.families = new FamiliesHandler(families, clock);
        this.verify = new VerifyHandler(validate);
    }

    @Override
    public void declare(RoutesConfig routes) {
        routes.post("/tokens", tokens::create, Access.SESSION);
        Routing.get(routes, "/tokens", tokens::list, Access.BEARER);
        Routing.get(routes, "/tokens/{jti}", tokens::get, Access.BEARER);
        routes.delete("/tokens/{jti}", tokens::delete, Access.SESSION);
        routes.post("/subjects/{subject}/revoke-all", tokens::revokeAll, Access.ADMIN);
        Routing.get(routes, "/families/{id}", families::get, Access.SESSION);
        routes.delete("/families/{id}", families::delete, Access.SESSION);
        routes.post("/tokens/verify", verify::verify, Access.ADMIN);
    }
}
