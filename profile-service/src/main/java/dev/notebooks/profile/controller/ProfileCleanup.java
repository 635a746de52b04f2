package dev.notebooks.profile.controller;

import static dev.notebooks.platform.kube.ResourceTypes.NAMESPACE;
import static dev.notebooks.platform.kube.ResourceTypes.RESOURCE_QUOTA;
import static dev.notebooks.platform.kube.ResourceTypes.ROLE_BINDING;
import static dev.notebooks.platform.kube.ResourceTypes.SERVICE_ACCOUNT;
import static dev.notebooks.profile.domain.ProfileResources.AUTHORIZATION_POLICIES;
import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.Profile;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the finalizer does before a profile goes: revokes its plugins (their annotations go with {@code default-editor})
 * and deletes every object this profile controls, the namespace last. On a cluster the garbage collector would delete
 * them too; deleting them here also works where there is none, and never touches what belongs to someone else.
 */
@Singleton
class ProfileCleanup {

    private final ChildClient children;
    private final EventRecorder events;
    private final ProfileSettings settings;

    ProfileCleanup(ChildClient children, EventRecorder events, ProfileSettings settings) {
        this.children = children;
        this.events = events;
        this.settings = settings;
    }

    void deleteChildren(Profile profile) throws ApiException {
        String namespace = profile.name();
        AppliedChanges changes = new AppliedChanges();
        if (settings.isIstioAuthorizationPolicies()) {
            deleteIfControlled(profile, AUTHORIZATION_POLICIES, namespace, DesiredChildren.OWNER_POLICY, changes);
        }
        deleteIfControlled(profile, RESOURCE_QUOTA, namespace, DesiredChildren.RESOURCE_QUOTA, changes);
        deleteIfControlled(profile, ROLE_BINDING, namespace, DesiredChildren.NAMESPACE_ADMIN, changes);
        deleteIfControlled(profile, ROLE_BINDING, namespace, DesiredChildren.DEFAULT_EDITOR, changes);
        deleteIfControlled(profile, ROLE_BINDING, namespace, DesiredChildren.DEFAULT_VIEWER, changes);
        deleteIfControlled(profile, SERVICE_ACCOUNT, namespace, DesiredChildren.DEFAULT_EDITOR, changes);
        deleteIfControlled(profile, SERVICE_ACCOUNT, namespace, DesiredChildren.DEFAULT_VIEWER, changes);
        deleteIfControlled(profile, NAMESPACE, null, namespace, changes);
        changes.summary().ifPresent(summary -> events.normal(PROFILES, profile, "Deleted", summary));
    }

    private <T extends KubernetesObject> void deleteIfControlled(
            Profile profile, ResourceType<T> type, String namespace, String name, AppliedChanges changes)
            throws ApiException {
        Optional<T> child = children.read(type, namespace, name);
        if (child.isPresent() && OwnerReferences.isControlledBy(child.get(), PROFILES, profile)) {
            children.delete(type, child.get());
            changes.add("deleted", type, child.get());
        }
    }
}
