package dev.notebooks.profile.api.contributors;

import dev.notebooks.platform.events.profile.ContributorRole;
import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import dev.notebooks.profile.api.ProfileRequests;
import dev.notebooks.profile.service.ContributorBinding;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.Set;

/** Reads and checks {@code {user, role}}: 422 naming the field for anything else. */
final class ContributorRequests {

    private static final Set<String> FIELDS = Set.of("user", "role");

    private ContributorRequests() {}

    /** A contributor to add, with a role a contributor can have. */
    record NewContributor(String user, ContributorRole role) {}

    static NewContributor read(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(FIELDS);
        String user = json.requiredText("user")
                .filter(value -> ProfileRequests.isUser(value, "user", violations))
                .orElse(null);
        ContributorRole role = json.requiredText("role")
                .map(value -> ContributorBinding.role(value).orElseGet(() -> {
                    violations.add("role", "must be edit or view");
                    return null;
                }))
                .orElse(null);
        violations.throwIfAny();
        return new NewContributor(user, role);
    }
}
