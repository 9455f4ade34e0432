package io.tokenlife.app.http.token;

import io.javalin.http.Context;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.FindFamilyQuery;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Refresh-token families by id, for their owner or an admin: {@code GET /families/{id}} and
 * {@code DELETE /families/{id}} (every refresh and access token of the family; idempotent).
 */
final class FamiliesHandler {
    private static final Set<String> REASON_FIELDS = Set.of("reason");

    private final ManageFamiliesUseCase families;
    private final Clock clock;

    FamiliesHandler(ManageFamiliesUseCase families, Clock clock) {
        this.families = families;
        this.clock = clock;
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        Actor actor = Authenticator.caller(ctx).actor();
        FamilyResponse family = families.find(new FindFamilyQuery(actor, new FamilyRef.ById(id)))
                .map(view -> FamilyResponse.of(view, clock.instant()))
                .orElseThrow(() -> notFound(id));
        Responses.json(ctx, family);
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<String> reason = RequestBody.json(ctx, true, REASON_FIELDS).optionalString("reason")
                .map(String::strip).filter(s -> !s.isEmpty());
        RevokeFamilyResult result = families.revoke(new RevokeFamilyCommand(Authenticator.caller(ctx).actor(),
                new FamilyRef.ById(id), reason));
        if (result instanceof RevokeFamilyResult.NotVisible) {
            throw notFound(id);
        }
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        ctx.status(204);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no token family '" + Responses.printable(id) + "' that you may see");
    }
}
