package io.tokenlife.app.http.console;

import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.in.UpdateUserResult;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.settings.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users: the list, creating one, disabling / enabling, granting / removing admin rights, and setting a new
 * password. The domain revokes the user's tokens when a change takes rights away or sets a password.
 * An admin cannot disable or demote the account they are signed in with (that would lock them out).
 */
final class UserPages {
    private static final Set<String> CREATE_FIELDS = Set.of("email", "full_name", "password");
    private static final Map<String, String> NOTICES = Map.of(
            "created", "User created.",
            "enabled", "User enabled.",
            "disabled", "User disabled; every token of the user is revoked.",
            "admin", "Admin rights granted. They take effect at the user's next sign-in.",
            "user", "Admin rights removed; every token of the user is revoked.",
            "password", "Password set; every token of the user is revoked.");

    private final ManageUsersUseCase users;

    UserPages(ManageUsersUseCase users) {
        this.users = users;
    }

    /** {@code GET /admin/users}. */
    void list(ConsoleRequest request) {
        showList(request, 200, Views.Form.empty(), notice(request));
    }

    /** {@code POST /admin/users}: email, full_name, password (optional), admin. */
    void create(ConsoleRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        request.param("email").ifPresent(v -> typed.put("email", v));
        request.param("full_name").ifPresent(v -> typed.put("full_name", v));
        boolean admin = request.param("admin").map("true"::equals).orElse(false);
        typed.put("admin", String.valueOf(admin));
        Views.Form form = Views.Form.of(typed);
        if (!typed.containsKey("email")) {
            showList(request, 422, form.withError("email", "Enter an e-mail address"), null);
            return;
        }
        String password = request.raw("password");
        CreateUserResult result = users.create(new CreateUserCommand(request.actor(), typed.get("email"),
                Optional.ofNullable(typed.get("full_name")),
                password.isEmpty() ? Optional.empty() : Optional.of(new Secret(password)), admin));
        if (result instanceof CreateUserResult.Taken) {
            showList(request, 409, form.withError("email", "A user with this e-mail already exists"), null);
            return;
        }
        if (result instanceof Invalid invalid) {
            showList(request, 422, FieldErrors.attach(form, invalid, CREATE_FIELDS, "email"), null);
            return;
        }
        request.redirect("/admin/users?done=created");
    }

    /** {@code POST /admin/users/active}: email, active=true|false. */
    void setActive(ConsoleRequest request) {
        Optional<Boolean> active = flag(request, "active");
        update(request, active.isPresent() ? Optional.empty() : Optional.of("active"),
                new UpdateUserCommand(request.actor(), request.param("email").orElse(""), Optional.empty(),
                        Optional.empty(), Optional.empty(), active),
                active.orElse(true) ? "enabled" : "disabled");
    }

    /** {@code POST /admin/users/admin}: email, admin=true|false. */
    void setAdmin(ConsoleRequest request) {
        Optional<Boolean> admin = flag(request, "admin");
        update(request, admin.isPresent() ? Optional.empty() : Optional.of("admin"),
                new UpdateUserCommand(request.actor(), request.param("email").orElse(""), Optional.empty(),
                        Optional.empty(), admin, Optional.empty()),
                admin.orElse(false) ? "admin" : "user");
    }

    /** {@code GET /admin/users/detail?email=}. */
    void show(ConsoleRequest request) {
        Optional<User> user = request.param("email").flatMap(this::find);
        if (user.isEmpty()) {
            request.message(404, "No such user", "There is no user with this e-mail.", "/admin/users", "All users");
            return;
        }
        showUser(request, 200, user.get(), Views.Form.empty(), notice(request));
    }

    /** {@code POST /admin/users/password}: email, password. */
    void resetPassword(ConsoleRequest request) {
        Optional<User> user = request.param("email").flatMap(this::find);
        if (user.isEmpty()) {
            request.message(404, "No such user", "There is no user with this e-mail; nothing was changed.",
                    "/admin/users", "All users");
            return;
        }
        String password = request.raw("password");
        if (password.isEmpty()) {
            showUser(request, 422, user.get(), Views.Form.empty().withError("password", "Enter the new password"), null);
            return;
        }
        UpdateUserResult result = users.update(new UpdateUserCommand(request.actor(), user.get().email(),
                Optional.empty(), Optional.of(new Secret(password)), Optional.empty(), Optional.empty()));
        if (result instanceof Invalid invalid) {
            showUser(request, 422, user.get(), FieldErrors.attach(Views.Form.empty(), invalid, Set.of("password"),
                    "password"), null);
            return;
        }
        request.redirect(userUrl(user.get().email()) + "&done=password");
    }

    private void update(ConsoleRequest request, Optional<String> missingFlag, UpdateUserCommand command, String done) {
        if (command.email().isEmpty() || missingFlag.isPresent()) {
            request.message(400, "Users", "The form is incomplete (" + missingFlag.orElse("email")
                    + "); nothing was changed.", "/admin/users", "All users");
            return;
        }
        if (Subjects.normalize(command.email()).equals(request.admin())) {
            request.message(409, "Users", "You cannot disable or demote the account you are signed in with; "
                    + "ask another administrator.", "/admin/users", "All users");
            return;
        }
        UpdateUserResult result = users.update(command);
        if (!(result instanceof UpdateUserResult.Updated)) {
            request.message(result instanceof Invalid ? 400 : 404, "No such user",
                    "There is no user with this e-mail; nothing was changed.", "/admin/users", "All users");
            return;
        }
        request.redirect("/admin/users?done=" + done);
    }

    private void showList(ConsoleRequest request, int status, Views.Form create, String notice) {
        List<Views.UserRow> rows;
        String error = null;
        boolean down = false;
        try {
            rows = users.list().stream()
                    .map(u -> new Views.UserRow(u, userUrl(u.email()), u.email().equals(request.admin()))).toList();
        } catch (StoreUnavailableException e) {
            rows = List.of();
            error = "The users cannot be listed while the database is unavailable.";
            down = true;
        }
        Views.Layout layout = down ? request.pages().layout("Users", "users", request.session(), notice, true)
                : request.layout("Users", "users", notice);
        request.render(down && status == 200 ? 503 : status, "users", layout, new Views.UsersPage(rows, create, error));
    }

    private void showUser(ConsoleRequest request, int status, User user, Views.Form form, String notice) {
        request.render(status, "user", request.layout(user.email(), "users", notice),
                new Views.UserPage(user, "/admin/tokens?q=" + Views.url(user.email()),
                        "/admin/subjects/revoke-all?subject=" + Views.url(user.email()),
                        user.email().equals(request.admin()), form));
    }

    private Optional<User> find(String email) {
        String normalized = Subjects.normalize(email);
        return users.list().stream().filter(u -> u.email().equals(normalized)).findFirst();
    }

    private static String notice(ConsoleRequest request) {
        String done = request.ctx().queryParam("done");
        return done == null ? null : NOTICES.get(done);
    }

    private static Optional<Boolean> flag(ConsoleRequest request, String name) {
        return request.param(name).filter(v -> v.equals("true") || v.equals("false")).map(Boolean::parseBoolean);
    }

    static String userUrl(String email) {
        return "/admin/users/detail?email=" + Views.url(email);
    }
}
