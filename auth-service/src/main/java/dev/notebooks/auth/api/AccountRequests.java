package dev.notebooks.auth.api;

import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.Set;

/**
 * Reads the account request bodies: a missing field, one of the wrong type or one the request does not have is
 * answered 422 naming it. The checks of the values themselves (email form, password policy) are the domain's.
 */
final class AccountRequests {

    private static final Set<String> CREATE_FIELDS = Set.of("email", "username", "password");
    private static final Set<String> CHANGE_PASSWORD_FIELDS = Set.of("currentPassword", "newPassword");

    private AccountRequests() {}

    static CreateAccountRequest create(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(CREATE_FIELDS);
        String email = json.requiredText("email").orElse(null);
        String username = json.requiredText("username").orElse(null);
        String password = json.requiredText("password").orElse(null);
        violations.throwIfAny();
        return new CreateAccountRequest(email, username, password);
    }

    static ChangePasswordRequest changePassword(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(CHANGE_PASSWORD_FIELDS);
        String currentPassword = json.text("currentPassword").orElse(null);
        String newPassword = json.requiredText("newPassword").orElse(null);
        violations.throwIfAny();
        return new ChangePasswordRequest(currentPassword, newPassword);
    }
}
