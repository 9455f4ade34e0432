package io.tokenlife.app.http.user;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.PathSegments;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.app.http.web.Routing;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.in.UpdateUserResult;
import io.tokenlife.domain.settings.Secret;

import java.util.Set;

/**
 * User administration for admins. The domain validates (a bad e-mail, a short password: 400 naming the
 * field) and revokes the tokens of a user who is disabled, demoted or given a new password; an e-mail
 * already taken is a 409.
 */
public final class UserEndpoints implements Endpoints {
    private static final Set<String> CREATE_FIELDS = Set.of("email", "full_name", "password", "admin");
    private static final Set<String> UPDATE_FIELDS = Set.of("full_name", "password", "admin", "active");

    private final ManageUsersUseCase users;

    public UserEndpoints(ManageUsersUseCase users) {
        this.users = users;
    }

    @Override
    public void declare(RoutesConfig routes) {
        Routing.get(routes, "/users", this::list, Access.ADMIN);
        routes.post("/users", this::create, Access.ADMIN);
        Routing.get(routes, "/users/{email}", this::get, Access.ADMIN);
        routes.patch("/users/{email}", this::update, Access.ADMIN);
    }

    /** {@code GET /users}. */
    private void list(Context ctx) {
        Responses.json(ctx, new UserList(users.list().stream().map(UserView::of).toList(), null));
    }

    /** {@code GET /users/{email}}: 404 when there is no such user. */
    private void get(Context ctx) {
        String email = ctx.pathParam("email");
        User user = users.find(email)
                .orElseThrow(() -> ApiException.notFound("no user '" + Responses.printable(email) + "'"));
        Responses.json(ctx, UserView.of(user));
    }

    /** {@code POST /users}: 201 with the user; {@code password} is optional (an SSO-only user has none). */
    private void create(Context ctx) {
        RequestBody.JsonObject body = RequestBody.json(ctx, false, CREATE_FIELDS);
        String email = body.requiredString("email");
        CreateUserResult result = users.create(new CreateUserCommand(Authenticator.caller(ctx).actor(), email,
                body.optionalString("full_name"), body.optionalString("password").map(Secret::new),
                body.optionalBoolean("admin").orElse(false)));
        if (result instanceof CreateUserResult.Taken taken) {
            throw ApiException.conflict(taken.detail());
        }
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        User user = ((CreateUserResult.Created) result).user();
        ctx.status(201).header("Location", "/users/" + PathSegments.encode(user.email()));
        Responses.json(ctx, UserView.of(user));
    }

    /** {@code PATCH /users/{email}}: any of {@code full_name}, {@code password}, {@code admin}, {@code active}. */
    private void update(Context ctx) {
        String email = ctx.pathParam("email");
        RequestBody.JsonObject body = RequestBody.json(ctx, false, UPDATE_FIELDS);
        if (!body.hasAny(UPDATE_FIELDS)) {
            throw ApiException.invalidRequest("give at least one of: active, admin, full_name, password");
        }
        UpdateUserCommand command = new UpdateUserCommand(Authenticator.caller(ctx).actor(), email,
                body.optionalString("full_name"), body.optionalString("password").map(Secret::new),
                body.optionalBoolean("admin"), body.optionalBoolean("active"));
        UpdateUserResult result = users.update(command);
        if (result instanceof UpdateUserResult.NotFound) {
            throw ApiException.notFound("no user '" + Responses.printable(email) + "'");
        }
        if (result instanceof Invalid invalid) {
            throw ApiException.invalid(invalid);
        }
        Responses.json(ctx, UserView.of(((UpdateUserResult.Updated) result).user()));
    }
}
