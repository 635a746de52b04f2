package dev.notebooks.profile.service;

import dev.notebooks.platform.events.profile.ContributorRole;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.domain.Profile;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Adding and removing a profile's contributors, as KFAM does: only the owner or an admin may, the owner is never a
 * contributor, and a user is a contributor once. The API writes the RoleBinding and records, with its audit record,
 * that it did and for whom; the reconciler announces the contributor when it observes the binding, as it announces
 * one added with kubectl.
 */
@Singleton
public class ContributorService {

    public static final String LIST = "contributor.list";
    public static final String ADD = "contributor.add";
    public static final String REMOVE = "contributor.remove";

    private final ProfileService profiles;
    private final ProfileAuthorization authorization;
    private final ContributorBindings bindings;
    private final ContributorWrites writes;

    ContributorService(
            ProfileService profiles,
            ProfileAuthorization authorization,
            ContributorBindings bindings,
            ContributorWrites writes) {
        this.profiles = profiles;
        this.authorization = authorization;
        this.bindings = bindings;
        this.writes = writes;
    }

    public List<ContributorBinding> list(Caller caller, String profileName) {
        Profile profile = profiles.get(profileName);
        authorization.require(caller, profile, ProfileRole.VIEW, LIST);
        try {
            return bindings.in(profileName);
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Listing the contributors of " + profileName);
        }
    }

    /** @throws org.zalando.problem.ThrowableProblem 404 without the profile, 403 (audited) unless owner or admin */
    public void requireOwner(Caller caller, String profileName, String action) {
        authorization.require(caller, profiles.get(profileName), ProfileRole.OWNER, action);
    }

    public ContributorBinding add(Caller caller, String profileName, String user, ContributorRole role) {
        Profile profile = profiles.get(profileName);
        authorization.require(caller, profile, ProfileRole.OWNER, ADD);
        if (user.equals(profile.ownerName())) {
            throw ApiProblems.conflict(user + " owns profile " + profileName + " and cannot also be a contributor.");
        }
        ContributorBinding binding = ContributorBinding.of(user, role);
        V1RoleBinding created;
        try {
            bindings.requireNamespaceOf(profile);
            Optional<ContributorBinding> existing = of(profileName, user);
            if (existing.isPresent()) {
                throw alreadyAdded(profileName, existing.get());
            }
            created = bindings.create(profileName, binding);
        } catch (ApiException e) {
            if (KubernetesErrors.isConflict(e)) {
                throw alreadyAdded(profileName, binding);
            }
            throw KubernetesErrors.unexpected(e, "Adding " + user + " to " + profileName);
        }
        writes.added(caller, profileName, created, binding);
        return binding;
    }

    /** @param role only if the user has this role; any role when null */
    public void remove(Caller caller, String profileName, String user, @Nullable ContributorRole role) {
        Profile profile = profiles.get(profileName);
        authorization.require(caller, profile, ProfileRole.OWNER, REMOVE);
        try {
            ContributorBinding binding = of(profileName, user)
                    .filter(found -> role == null || found.role() == role)
                    .orElseThrow(() -> ApiProblems.notFound(user + " is not a contributor of " + profileName + "."));
            Optional<V1RoleBinding> existing = bindings.find(profileName, binding);
            if (existing.isPresent()) {
                writes.removing(caller, existing.get());
            }
            try {
                bindings.delete(profileName, binding);
            } catch (ApiException | RuntimeException e) {
                existing.ifPresent(writes::removalFailed);
                throw e;
            }
            writes.removed(caller, profileName, binding);
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Removing " + user + " from " + profileName);
        }
    }

    private Optional<ContributorBinding> of(String profileName, String user) throws ApiException {
        return bindings.in(profileName).stream()
                .filter(binding -> binding.user().equals(user))
                .findFirst();
    }

    private static RuntimeException alreadyAdded(String profileName, ContributorBinding existing) {
        return ApiProblems.conflict(existing.user() + " is already a contributor of " + profileName + " with role "
                + existing.role().value() + "; remove them first to change the role.");
    }
}
