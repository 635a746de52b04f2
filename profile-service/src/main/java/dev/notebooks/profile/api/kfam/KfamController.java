package dev.notebooks.profile.api.kfam;

import dev.notebooks.platform.events.profile.ContributorRole;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.SecurityConfiguration;
import dev.notebooks.platform.web.Violations;
import dev.notebooks.profile.api.ProfileRequests;
import dev.notebooks.profile.service.ContributorBinding;
import dev.notebooks.profile.service.ContributorService;
import dev.notebooks.profile.service.KfamBinding;
import dev.notebooks.profile.service.KfamBindingDirectory;
import dev.notebooks.profile.service.KubernetesErrors;
import dev.notebooks.profile.service.ProfileAuthorization;
import dev.notebooks.profile.service.ProfileIndex;
import dev.notebooks.profile.service.ProfileService;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Kubeflow's access management API (KFAM, {@code components/access-management}), so that Kubeflow's central
 * dashboard can use this service: the same paths, bodies and success codes (200, empty). What KFAM answered with a
 * bare 401 or 403 is a problem+json here with the code the rest of the API uses (403, 404, 409, 422), every write
 * needs the owner or an admin, and reads show only the profiles the caller can reach.
 */
@Controller("/kfam/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class KfamController {

    private final ProfileService profiles;
    private final ProfileIndex listing;
    private final ProfileAuthorization authorization;
    private final ContributorService contributors;
    private final KfamBindingDirectory directory;
    private final SecurityConfiguration security;

    KfamController(
            ProfileService profiles,
            ProfileIndex listing,
            ProfileAuthorization authorization,
            ContributorService contributors,
            KfamBindingDirectory directory,
            SecurityConfiguration security) {
        this.profiles = profiles;
        this.listing = listing;
        this.authorization = authorization;
        this.contributors = contributors;
        this.directory = directory;
        this.security = security;
    }

    /** Bindings (owners' included) filtered by user, namespace and role, in the profiles the caller can reach. */
    @Get("/bindings")
    KfamBinding.Entries readBindings(
            @Parameter(hidden = true) Caller caller,
            @Nullable @QueryValue String user,
            @Nullable @QueryValue String namespace,
            @Nullable @QueryValue String role) {
        if (namespace == null || namespace.isEmpty()) {
            return new KfamBinding.Entries(
                    directory.in(listing.accessibleBy(caller).keySet(), blankAsNull(user), blankAsNull(role)));
        }
        authorization.require(caller, profiles.get(namespace), ProfileRole.VIEW, "contributor.list");
        try {
            return new KfamBinding.Entries(directory.in(namespace, blankAsNull(user), blankAsNull(role)));
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Listing the bindings of " + namespace);
        }
    }

    @Post("/bindings")
    HttpResponse<?> createBinding(@Parameter(hidden = true) Caller caller, @Body KfamBinding binding) {
        Contributed contributed = contributed(binding);
        contributors.add(caller, contributed.profile(), contributed.user(), contributed.role());
        return HttpResponse.ok();
    }

    @Delete("/bindings")
    HttpResponse<?> deleteBinding(@Parameter(hidden = true) Caller caller, @Body KfamBinding binding) {
        Contributed contributed = contributed(binding);
        contributors.remove(caller, contributed.profile(), contributed.user(), contributed.role());
        return HttpResponse.ok();
    }

    /** Whether the user is a cluster admin; {@code false} when no user is named, as in KFAM. */
    @Get("/role/clusteradmin")
    boolean isClusterAdmin(@Nullable @QueryValue String user) {
        return user != null && security.getClusterAdmins().contains(user);
    }

    @Post("/profiles")
    HttpResponse<?> createProfile(@Parameter(hidden = true) Caller caller, @Body @Nullable JsonNode profile) {
        profiles.create(caller, KfamProfileRequest.read(profile).toNewProfile());
        return HttpResponse.ok();
    }

    @Delete("/profiles/{profile}")
    HttpResponse<?> deleteProfile(@Parameter(hidden = true) Caller caller, @PathVariable String profile) {
        profiles.delete(caller, profile);
        return HttpResponse.ok();
    }

    private record Contributed(String profile, String user, ContributorRole role) {}

    /** What a KFAM binding asks for, checked: a User, a profile, and ClusterRole edit or view. */
    private static Contributed contributed(KfamBinding binding) {
        Violations violations = new Violations();
        String profile = binding.referredNamespace();
        if (profile == null || profile.isEmpty()) {
            violations.add("referredNamespace", "is required");
        } else {
            ProfileRequests.isProfileName(profile, "referredNamespace", violations);
        }
        KfamBinding.Subject user = binding.user();
        if (user == null || user.name() == null || user.name().isEmpty()) {
            violations.add("user.name", "is required");
        } else if (!KubeflowBindings.USER_KIND.equals(user.kind())) {
            violations.add("user.kind", "must be User");
        }
        KfamBinding.RoleRef roleRef = binding.roleRef();
        ContributorRole role =
                roleRef == null ? null : ContributorBinding.role(roleRef.name()).orElse(null);
        if (role == null) {
            violations.add("RoleRef.name", "must be edit or view");
        } else if (!KubeflowBindings.CLUSTER_ROLE_KIND.equals(roleRef.kind())) {
            violations.add("RoleRef.kind", "must be ClusterRole");
        }
        violations.throwIfAny();
        return new Contributed(profile, user.name(), role);
    }

    private static String blankAsNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
