package dev.notebooks.platform.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A caller's role on profile namespaces, decided as Kubeflow does: cluster admins from configuration, the owner
 * from the namespace's {@code owner} annotation, contributors from KFAM's RoleBindings (see {@link KubeflowBindings}).
 * Answers from the informer caches only.
 */
@Singleton
public class ProfileRoles {

    private final AccessCache cache;

    ProfileRoles(AccessCache cache) {
        this.cache = cache;
    }

    /** The caller's role on the namespace; NONE for a namespace they cannot reach or that does not exist. */
    public ProfileRole roleOf(Caller caller, String namespace) {
        if (caller.admin()) {
            return ProfileRole.ADMIN;
        }
        requireSynced();
        ProfileRole role = cache.namespace(namespace)
                .flatMap(KubeflowBindings::owner)
                .filter(caller.user()::equals)
                .map(owner -> ProfileRole.OWNER)
                .orElse(ProfileRole.NONE);
        for (var binding : cache.roleBindingsIn(namespace)) {
            role = role.max(KubeflowBindings.roleGranted(binding, caller.user()));
        }
        return role;
    }

    /** Every profile namespace the caller can reach with their role, by namespace name; all of them for admins. */
    public List<ProfileAccess> profilesFor(Caller caller) {
        requireSynced();
        Map<String, ProfileRole> roles = new TreeMap<>();
        if (caller.admin()) {
            cache.profileNamespaces().forEach(ns -> roles.put(ns.getMetadata().getName(), ProfileRole.ADMIN));
        }
        for (var namespace : cache.namespacesOwnedBy(caller.user())) {
            roles.merge(namespace.getMetadata().getName(), ProfileRole.OWNER, ProfileRole::max);
        }
        for (var binding : cache.roleBindingsFor(caller.user())) {
            ProfileRole granted = KubeflowBindings.roleGranted(binding, caller.user());
            if (granted != ProfileRole.NONE) {
                roles.merge(binding.getMetadata().getNamespace(), granted, ProfileRole::max);
            }
        }
        return roles.entrySet().stream()
                .map(entry -> new ProfileAccess(entry.getKey(), entry.getValue()))
                .toList();
    }

    private void requireSynced() {
        if (!cache.hasSynced()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Access caches are still loading");
        }
    }
}
