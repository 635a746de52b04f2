package dev.notebooks.profile.bench;

import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.meta.Finalizers;
import dev.notebooks.platform.kube.meta.Labels;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.kube.status.StatusWriter;
import dev.notebooks.platform.testing.kubernetes.KubernetesApiDouble;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileAnnotations;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a converged Profile needs, written straight to the API by the same client the reconciler writes with, and
 * nothing else: the Profile, its finalizer, the namespace, service accounts {@code default-editor} and
 * {@code default-viewer}, role bindings {@code namespaceAdmin}, {@code default-editor} and {@code default-viewer}, the
 * quota, and the Ready status. Ten writes, the objects labelled, annotated and owned as the reconciler makes them.
 * Each run gets a fresh API double, which starts as empty as the reconciler's does.
 */
final class BareWrites {

    static final int WRITES_PER_PROFILE = 10;

    private static final String FINALIZER = "profile-finalizer";
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final Map<String, String> MANAGED_BY = Map.of(Labels.MANAGED_BY, "profile-service");

    private final ResourceClient client;
    private final Finalizers finalizers;
    private final StatusWriter statusWriter;

    private BareWrites(ResourceClient client) {
        this.client = client;
        this.finalizers = new Finalizers(client);
        this.statusWriter = new StatusWriter(client);
    }

    /** @return how long {@code threads} threads take to write what {@code profiles} converged Profiles need */
    static Duration time(int profiles, int threads) throws Exception {
        try (KubernetesApiDouble api = KubernetesApiDouble.start(0)) {
            BareWrites writes = new BareWrites(new ResourceClient(
                    new ClientBuilder().setBasePath(api.url()).build(), new KubeConfiguration("profile-service")));
            long started = System.nanoTime();
            Parallel.run(
                    profiles, threads, index -> writes.profile(Workload.profileName(index), Workload.ownerOf(index)));
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    private void profile(String name, String owner) throws ApiException {
        Profile profile = client.create(PROFILES, Workload.profile(name, owner));
        profile = finalizers.add(PROFILES, profile, FINALIZER);
        Map<String, String> labels = new HashMap<>(MANAGED_BY);
        labels.putAll(ProfileSettings.DEFAULT_NAMESPACE_LABELS);
        client.create(
                ResourceTypes.NAMESPACE,
                new V1Namespace()
                        .metadata(owned(profile, null, name)
                                .labels(labels)
                                .annotations(Map.of(ProfileAnnotations.NAMESPACE_OWNER, owner))));
        for (String account : List.of("default-editor", "default-viewer")) {
            client.create(
                    ResourceTypes.SERVICE_ACCOUNT, new V1ServiceAccount().metadata(owned(profile, name, account)));
        }
        V1RoleBinding admin = binding(profile, "namespaceAdmin", "kubeflow-admin", Workload.user(owner));
        admin.getMetadata().annotations(Map.of("user", owner, "role", "admin"));
        client.create(ResourceTypes.ROLE_BINDING, admin);
        for (String account : List.of("default-editor", "default-viewer")) {
            RbacV1Subject subject =
                    new RbacV1Subject().kind("ServiceAccount").name(account).namespace(name);
            client.create(
                    ResourceTypes.ROLE_BINDING,
                    binding(profile, account, account.replace("default-", "kubeflow-"), subject));
        }
        client.create(
                ResourceTypes.RESOURCE_QUOTA,
                new V1ResourceQuota()
                        .metadata(owned(profile, name, "kf-resource-quota"))
                        .spec(profile.getSpec().resourceQuotaSpec()));
        statusWriter.write(
                PROFILES,
                profile,
                new Profile.Status(Conditions.set(
                        List.of(), Conditions.ready(profile.getMetadata().getGeneration()))));
    }

    private static V1RoleBinding binding(Profile profile, String name, String clusterRole, RbacV1Subject subject) {
        return new V1RoleBinding()
                .metadata(owned(profile, profile.name(), name))
                .roleRef(new V1RoleRef().apiGroup(RBAC).kind("ClusterRole").name(clusterRole))
                .subjects(List.of(subject));
    }

    private static V1ObjectMeta owned(Profile profile, String namespace, String name) {
        return new V1ObjectMeta()
                .namespace(namespace)
                .name(name)
                .labels(MANAGED_BY)
                .ownerReferences(List.of(OwnerReferences.controller(PROFILES, profile)));
    }
}
