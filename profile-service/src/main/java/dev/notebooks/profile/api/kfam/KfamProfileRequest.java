package dev.notebooks.profile.api.kfam;

import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import dev.notebooks.profile.api.CreateProfileRequest;
import dev.notebooks.profile.api.PluginBody;
import dev.notebooks.profile.api.ProfileRequests;
import dev.notebooks.profile.domain.Profile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Kubeflow Profile KFAM's {@code POST /kfam/v1/profiles} takes ({@code {metadata: {name}, spec: {owner:
 * {kind: User, name}, resourceQuotaSpec, plugins}}}) as the request {@code POST /api/profiles} takes. Like KFAM it
 * ignores fields it does not use, but what it uses is checked as strictly as the API's own request.
 */
final class KfamProfileRequest {

    private KfamProfileRequest() {}

    static CreateProfileRequest read(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations);
        String name = required(json.object("metadata"), "metadata", "name", violations)
                .filter(value -> ProfileRequests.isProfileName(value, "metadata.name", violations))
                .orElse(null);
        Optional<JsonObjectReader> spec = json.object("spec");
        String owner = owner(spec.flatMap(s -> s.object("owner")), violations);
        Map<String, String> quota = spec.flatMap(s -> s.object("resourceQuotaSpec"))
                .map(quotaSpec -> quotaSpec.allowOnly(Set.of("hard")))
                .flatMap(quotaSpec -> quotaSpec
                        .textMap("hard")
                        .map(hard -> ProfileRequests.checkedQuota(hard, quotaSpec.pathOf("hard"), violations)))
                .orElse(Map.of());
        List<PluginBody> plugins = spec.flatMap(s -> s.objects("plugins"))
                .map(ProfileRequests::plugins)
                .orElse(List.of());
        violations.throwIfAny();
        return new CreateProfileRequest(name, owner, quota, plugins);
    }

    /** Kubeflow's owner is a User subject; an absent owner is the caller, as in the API. */
    private static String owner(Optional<JsonObjectReader> owner, Violations violations) {
        if (owner.isEmpty()) {
            return null;
        }
        owner.get()
                .text("kind")
                .filter(kind -> !Profile.Owner.USER.equals(kind))
                .ifPresent(kind -> violations.add("spec.owner.kind", "must be User"));
        return owner.get()
                .requiredText("name")
                .filter(name -> ProfileRequests.isUser(name, "spec.owner.name", violations))
                .orElse(null);
    }

    private static Optional<String> required(
            Optional<JsonObjectReader> object, String objectPath, String field, Violations violations) {
        if (object.isEmpty()) {
            violations.add(objectPath + "." + field, "is required");
            return Optional.empty();
        }
        return object.get().requiredText(field);
    }
}
