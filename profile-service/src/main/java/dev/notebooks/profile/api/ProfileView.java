package dev.notebooks.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.Quotas;
import dev.notebooks.profile.service.ProfileAndRole;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile as the API shows it.
 *
 * @param name the profile's name, and its namespace's
 * @param owner the owner's user id
 * @param resourceQuota the namespace's hard limits; empty for none
 * @param plugins Kubeflow's plugins
 * @param role the caller's role: {@code owner}, {@code edit}, {@code view} or {@code admin}
 * @param status whether the reconciler has made what the profile needs
 * @param quotaUse per resource its namespace's quota limits, the limit and what is in use ({@code status.hard} and
 *     {@code status.used} of the {@code kf-resource-quota} ResourceQuota); only in the view of one profile
 *     ({@code GET /api/profiles/{name}}), absent while the profile has no quota
 */
@Serdeable
public record ProfileView(
        String name,
        String owner,
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> resourceQuota,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<PluginBody> plugins,
        String role,
        ProfileStatusView status,
        @Nullable Map<String, QuotaUseView> quotaUse) {

    public static ProfileView of(ProfileAndRole profile) {
        return of(profile.profile(), profile.role());
    }

    public static ProfileView of(Profile profile, ProfileRole role) {
        return new ProfileView(
                profile.name(),
                profile.ownerName(),
                hardQuota(profile),
                PluginBody.of(profile),
                role.name().toLowerCase(Locale.ROOT),
                ProfileStatusView.of(profile),
                null);
    }

    /** The same view with the profile's quota use. */
    public ProfileView withQuotaUse(Map<String, Quotas.Use> use) {
        Map<String, QuotaUseView> views = new TreeMap<>();
        use.forEach((resource, inUse) -> views.put(resource, new QuotaUseView(inUse.hard(), inUse.used())));
        return new ProfileView(name, owner, resourceQuota, plugins, role, status, views);
    }

    /**
     * One resource of the quota.
     *
     * @param hard the limit
     * @param used what the namespace's objects use of it, as the quota controller last counted; absent until it has
     */
    @Serdeable
    public record QuotaUseView(String hard, @Nullable String used) {}

    static Map<String, String> hardQuota(Profile profile) {
        return profile.getSpec() == null ? Map.of() : profile.getSpec().hardQuota();
    }

    /**
     * The {@code Ready} condition of the profile's current generation.
     *
     * @param ready {@code True}, {@code False}, or {@code Unknown} while the reconciler has not yet looked at this
     *     generation
     * @param reason why not, in CamelCase, such as {@code NamespaceOwnedByOther}
     * @param message why not, for a human
     */
    @Serdeable
    public record ProfileStatusView(String ready, @Nullable String reason, @Nullable String message) {

        static final String UNKNOWN = "Unknown";

        static ProfileStatusView of(Profile profile) {
            Long generation = profile.getMetadata().getGeneration();
            return profile.readyCondition()
                    .filter(condition -> condition.getObservedGeneration() == null
                            || generation == null
                            || condition.getObservedGeneration().equals(generation))
                    .map(ProfileStatusView::of)
                    .orElse(new ProfileStatusView(UNKNOWN, null, null));
        }

        private static ProfileStatusView of(V1Condition ready) {
            return new ProfileStatusView(ready.getStatus(), ready.getReason(), ready.getMessage());
        }
    }
}
