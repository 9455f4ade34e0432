package io.tokenlife.app.http.key;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.app.http.web.Routing;
import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.KeyChangeResult;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The managed signing keys for admins: list, rotate, retire, revoke. Never key material. With static
 * keys every change is a 409 saying where the key comes from.
 */
public final class KeyEndpoints implements Endpoints {
    private static final String STATIC = "KEY_MANAGEMENT=static: the signing key comes from the configuration and "
            + "changes only there";

    private final ManageSigningKeysUseCase keys;

    public KeyEndpoints(ManageSigningKeysUseCase keys) {
        this.keys = keys;
    }

    @Override
    public void declare(RoutesConfig routes) {
        Routing.get(routes, "/keys", this::list, Access.ADMIN);
        routes.post("/keys/rotate", this::rotate, Access.ADMIN);
        routes.post("/keys/{kid}/retire", this::retire, Access.ADMIN);
        routes.post("/keys/{kid}/revoke", this::revoke, Access.ADMIN);
    }

    /** {@code GET /keys}: {@code {"managed": bool, "items": [...]}}. */
    private void list(Context ctx) {
        ManageSigningKeysUseCase.ListKeysResult result = keys.list(Authenticator.caller(ctx).actor());
        if (!(result instanceof ManageSigningKeysUseCase.Keys listed)) {
            throw ApiException.forbidden("only admins manage signing keys");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("managed", listed.managed());
        body.put("items", listed.keys().stream().map(ManageSigningKeysUseCase.KeyView::wireFields).toList());
        Responses.json(ctx, body);
    }

    /** {@code POST /keys/rotate}, optional body {@code {"now": true}}. */
    private void rotate(Context ctx) {
        RequestBody.JsonObject body = RequestBody.json(ctx, true, Set.of("now"));
        answer(ctx, keys.rotate(Authenticator.caller(ctx).actor(), body.optionalBoolean("now").orElse(false)));
    }

    /** {@code POST /keys/{kid}/retire}. */
    private void retire(Context ctx) {
        answer(ctx, keys.retire(Authenticator.caller(ctx).actor(), ctx.pathParam("kid")));
    }

    /** {@code POST /keys/{kid}/revoke} with {@code {"reason": "..."}} (required). */
    private void revoke(Context ctx) {
        RequestBody.JsonObject body = RequestBody.json(ctx, false, Set.of("reason"));
        answer(ctx, keys.revoke(Authenticator.caller(ctx).actor(), ctx.pathParam("kid"),
                body.optionalString("reason").orElse("")));
    }

    private static void answer(Context ctx, KeyChangeResult result) {
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        if (result instanceof KeyChangeResult.UnknownKey unknown) {
            throw ApiException.notFound("no managed signing key has kid '" + Responses.printable(unknown.kid()) + "'");
        }
        if (result instanceof KeyChangeResult.NotManaged) {
            throw ApiException.conflict(STATIC);
        }
        if (result instanceof KeyChangeResult.NotAllowed) {
            throw ApiException.forbidden("only admins manage signing keys");
        }
        KeyChangeResult.Changed changed = (KeyChangeResult.Changed) result;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", changed.summary());
        body.put("changed", changed.keys().stream().map(KeyEndpoints::changed).toList());
        Responses.json(ctx, body);
    }

    private static Map<String, Object> changed(SigningKeyInfo k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kid", k.kid());
        m.put("state", k.state().wireName());
        m.put("activates_at", k.activatesAt().toString());
        return m;
    }
}
