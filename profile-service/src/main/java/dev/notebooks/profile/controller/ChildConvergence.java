package dev.notebooks.profile.controller;

import static dev.notebooks.platform.kube.ResourceTypes.NAMESPACE;
import static dev.notebooks.platform.kube.ResourceTypes.RESOURCE_QUOTA;
import static dev.notebooks.platform.kube.ResourceTypes.ROLE_BINDING;
import static dev.notebooks.platform.kube.ResourceTypes.SERVICE_ACCOUNT;
import static dev.notebooks.profile.domain.ProfileResources.AUTHORIZATION_POLICIES;
import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.apply.Applier;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileAnnotations;
import dev.notebooks.profile.domain.ProfilePlugin;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes, and keeps made, what a profile needs: its namespace, service accounts, role bindings, quota, plugin
 * annotations and (when configured) Istio policy. Writes only what differs, and never takes over a namespace that
 * belongs to someone else. A profile whose owner has no account is kept converged but is not ready.
 */
@Singleton
class ChildConvergence {

    private final ChildClient children;
    private final Applier applier;
    private final EventRecorder events;
    private final DesiredChildren kubeflow;
    private final ProfileSettings settings;

    ChildConvergence(
            ChildClient children,
            Applier applier,
            EventRecorder events,
            ProfileSettings settings,
            KubeConfiguration configuration) {
        this.children = children;
        this.applier = applier;
        this.events = events;
        this.settings = settings;
        this.kubeflow = new DesiredChildren(settings, configuration.getFieldManager());
    }

    /** @return whether the profile is ready, with the reason it is not */
    ReadyState converge(Profile profile) throws ApiException {
        if (profile.ownerName() == null || profile.ownerName().isBlank()) {
            return ReadyState.failing(ReadyState.OWNER_MISSING, "spec.owner.name is empty");
        }
        Optional<V1Namespace> namespace = children.read(NAMESPACE, null, profile.name());
        if (namespace.isPresent() && !belongsTo(namespace.get(), profile)) {
            return ReadyState.failing(
                    ReadyState.NAMESPACE_OWNED_BY_OTHER,
                    "namespace " + profile.name() + " exists and belongs to " + ownerOf(namespace.get())
                            + "; it is not taken over");
        }
        if (namespace.isPresent() && namespace.get().getMetadata().getDeletionTimestamp() != null) {
            return ReadyState.failing(
                    ReadyState.NAMESPACE_TERMINATING, "namespace " + profile.name() + " is being deleted");
        }
        AppliedChanges changes = new AppliedChanges();
        V1Namespace made = changes.applied(
                NAMESPACE, applier.apply(NAMESPACE, kubeflow.namespace(profile), namespace.orElse(null)));
        if (children.removeKeys(NAMESPACE, made, "metadata.labels", kubeflow.namespaceLabelsToRemove())) {
            changes.add("relabelled", NAMESPACE, made);
        }
        List<ProfilePlugin> plugins = plugins(profile);
        for (V1ServiceAccount serviceAccount : kubeflow.serviceAccounts(profile, plugins)) {
            V1ServiceAccount written = changes.applied(SERVICE_ACCOUNT, applier.apply(SERVICE_ACCOUNT, serviceAccount));
            if (DesiredChildren.DEFAULT_EDITOR.equals(
                            serviceAccount.getMetadata().getName())
                    && removeRevokedPluginAnnotations(written, serviceAccount)) {
                changes.add("revoked plugins of", SERVICE_ACCOUNT, written);
            }
        }
        for (V1RoleBinding roleBinding : kubeflow.roleBindings(profile)) {
            applyRoleBinding(roleBinding, changes);
        }
        convergeQuota(profile, changes);
        if (settings.isIstioAuthorizationPolicies()) {
            changes.applied(
                    AUTHORIZATION_POLICIES, applier.apply(AUTHORIZATION_POLICIES, kubeflow.ownerPolicy(profile)));
        }
        changes.summary().ifPresent(summary -> events.normal(PROFILES, profile, "Applied", summary));
        if (ProfileAnnotations.ownerAccountDeleted(profile)) {
            return ReadyState.failing(
                    ReadyState.OWNER_ACCOUNT_DELETED,
                    "owner " + profile.ownerName() + " has no account; the profile and its namespace are kept");
        }
        List<String> problems =
                plugins.stream().flatMap(plugin -> plugin.problem().stream()).toList();
        return problems.isEmpty()
                ? ReadyState.reconciled()
                : ReadyState.failing(ReadyState.PLUGIN_INVALID, String.join("; ", problems));
    }

    /** Ours when this profile controls it; a namespace nobody controls is adopted only when it names the same owner. */
    private static boolean belongsTo(V1Namespace namespace, Profile profile) {
        if (namespace.getMetadata().getOwnerReferences() != null
                && namespace.getMetadata().getOwnerReferences().stream()
                        .anyMatch(reference -> Boolean.TRUE.equals(reference.getController()))) {
            return OwnerReferences.isControlledBy(namespace, PROFILES, profile);
        }
        return Objects.equals(ownerOf(namespace), profile.ownerName());
    }

    private static String ownerOf(V1Namespace namespace) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations();
        String owner = annotations == null ? null : annotations.get(ProfileAnnotations.NAMESPACE_OWNER);
        return owner == null ? "someone else (it has no owner annotation)" : owner;
    }

    // one event for every unknown kind, said once per spec version
    private List<ProfilePlugin> plugins(Profile profile) {
        List<ProfilePlugin> plugins = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Profile.Plugin plugin : profile.getSpec().pluginsOrEmpty()) {
            ProfilePlugin.of(plugin).ifPresentOrElse(plugins::add, () -> unknown.add(plugin.kind()));
        }
        if (!unknown.isEmpty()) {
            events.warnOnce(
                    PROFILES,
                    profile,
                    "UnknownPlugin",
                    (unknown.size() == 1 ? "plugin kind " : "plugin kinds ") + String.join(", ", unknown)
                            + (unknown.size() == 1 ? " is" : " are") + " ignored");
        }
        return plugins;
    }

    /**
     * What a profile's finalizer must do before it goes, as Kubeflow's {@code RevokePlugin}: take every plugin's
     * annotations off {@code default-editor}, so nothing outside the cluster keeps trusting it. The objects themselves
     * carry owner references and go with the garbage collector.
     */
    void revokePlugins(Profile profile) throws ApiException {
        Optional<V1ServiceAccount> editor = children.controlledBy(SERVICE_ACCOUNT, profile).stream()
                .filter(account -> DesiredChildren.DEFAULT_EDITOR.equals(
                        account.getMetadata().getName()))
                .findFirst();
        if (editor.isPresent()
                && children.removeKeys(
                        SERVICE_ACCOUNT, editor.get(), "metadata.annotations", ProfilePlugin.ANNOTATIONS)) {
            events.normal(
                    PROFILES,
                    profile,
                    "PluginsRevoked",
                    "plugin annotations removed from " + profile.name() + "/" + DesiredChildren.DEFAULT_EDITOR);
        }
    }

    /** @return whether annotations of plugins no longer in the spec were removed */
    private boolean removeRevokedPluginAnnotations(V1ServiceAccount actual, V1ServiceAccount desired)
            throws ApiException {
        Map<String, String> wanted = desired.getMetadata().getAnnotations() == null
                ? Map.of()
                : desired.getMetadata().getAnnotations();
        Set<String> revoked = new HashSet<>(ProfilePlugin.ANNOTATIONS);
        revoked.removeAll(wanted.keySet());
        return children.removeKeys(SERVICE_ACCOUNT, actual, "metadata.annotations", revoked);
    }

    /** A binding's roleRef cannot change: one that points elsewhere is replaced. */
    private void applyRoleBinding(V1RoleBinding desired, AppliedChanges changes) throws ApiException {
        Optional<V1RoleBinding> actual = children.read(
                ROLE_BINDING,
                desired.getMetadata().getNamespace(),
                desired.getMetadata().getName());
        if (actual.isPresent() && !Objects.equals(actual.get().getRoleRef(), desired.getRoleRef())) {
            children.delete(ROLE_BINDING, actual.get());
            changes.add("deleted", ROLE_BINDING, actual.get());
            actual = Optional.empty();
        }
        changes.applied(ROLE_BINDING, applier.apply(ROLE_BINDING, desired, actual.orElse(null)));
    }

    /** {@code kf-resource-quota} holds exactly the profile's {@code hard}, and is gone when that is empty. */
    private void convergeQuota(Profile profile, AppliedChanges changes) throws ApiException {
        Optional<V1ResourceQuota> desired = kubeflow.resourceQuota(profile);
        if (desired.isPresent()) {
            V1ResourceQuota written = changes.applied(RESOURCE_QUOTA, applier.apply(RESOURCE_QUOTA, desired.get()));
            Set<String> stale = new HashSet<>(
                    written.getSpec().getHard() == null
                            ? Set.of()
                            : written.getSpec().getHard().keySet());
            stale.removeAll(desired.get().getSpec().getHard().keySet());
            if (children.removeKeys(RESOURCE_QUOTA, written, "spec.hard", stale)) {
                changes.add("narrowed", RESOURCE_QUOTA, written);
            }
            return;
        }
        for (V1ResourceQuota owned : children.controlledBy(RESOURCE_QUOTA, profile)) {
            children.delete(RESOURCE_QUOTA, owned);
            changes.add("deleted", RESOURCE_QUOTA, owned);
        }
    }
}
