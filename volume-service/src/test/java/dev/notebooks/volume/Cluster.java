package dev.notebooks.volume;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.volume.domain.NotebookList;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.domain.VolumeSnapshot;
import dev.notebooks.volume.domain.VolumeSnapshotClass;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes API as the tests see it: what others write (kubectl, KFAM, notebook-service) and, where the API
 * double does not simulate storage, what the cluster's storage components would write (binding, snapshot readiness,
 * expansion). With the double's simulated storage (class {@code standard} seeded), they do it themselves and the tests
 * wait for them.
 */
public final class Cluster {

    public static final String STANDARD = "standard";
    public static final String STANDARD_DRIVER = "hostpath.csi.k8s.io";
    public static final String LOCAL_PATH = "local-path";
    public static final String SNAPSHOT_CLASS = "csi-hostpath-snapclass";
    public static final Duration SEEN = Duration.ofSeconds(20);

    private static final ResourceType<NotebookObject> NOTEBOOK_OBJECTS = ResourceType.namespaced(
            "kubeflow.org", "v1", "Notebook", "notebooks", NotebookObject.class, NotebookList.class);

    private static Boolean simulated;

    private final ResourceClient client =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("kubectl"));

    /** Whether the API double provisions, binds, expands and snapshots volumes itself. */
    public synchronized boolean simulatesStorage() {
        if (simulated == null) {
            simulated = get(VolumeResources.STORAGE_CLASSES, null, STANDARD).isPresent();
            ensureStorage();
        }
        return simulated;
    }

    /** The storage a small cluster has (the double's seed): {@code standard} (default) and {@code local-path}. */
    private void ensureStorage() {
        createIfAbsent(
                VolumeResources.STORAGE_CLASSES, storageClass(STANDARD, STANDARD_DRIVER, "Immediate", true, true));
        createIfAbsent(
                VolumeResources.STORAGE_CLASSES,
                storageClass(LOCAL_PATH, "rancher.io/local-path", "WaitForFirstConsumer", false, false));
        createIfAbsent(VolumeResources.SNAPSHOT_CLASSES, VolumeSnapshotClass.of(SNAPSHOT_CLASS, STANDARD_DRIVER, true));
    }

    private static V1StorageClass storageClass(
            String name, String provisioner, String bindingMode, boolean expandable, boolean isDefault) {
        V1ObjectMeta metadata = new V1ObjectMeta().name(name);
        if (isDefault) {
            metadata.annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"));
        }
        return new V1StorageClass()
                .metadata(metadata)
                .provisioner(provisioner)
                .reclaimPolicy("Delete")
                .volumeBindingMode(bindingMode)
                .allowVolumeExpansion(expandable);
    }

    /** A profile namespace as Kubeflow's profile controller makes it: annotated with its owner. */
    public void profileNamespace(String name, String owner) {
        simulatesStorage();
        create(
                ResourceTypes.NAMESPACE,
                new V1Namespace().metadata(new V1ObjectMeta().name(name).annotations(Map.of("owner", owner))));
    }

    /** A contributor's binding exactly as Kubeflow's KFAM writes it. */
    public void bindAsKfam(String namespace, String user, ProfileRole role) {
        create(
                ResourceTypes.ROLE_BINDING,
                new V1RoleBinding()
                        .metadata(new V1ObjectMeta()
                                .name(KubeflowBindings.contributorBindingName(user, role))
                                .namespace(namespace)
                                .annotations(Map.of("user", user, "role", KubeflowBindings.roleName(role))))
                        .roleRef(new V1RoleRef()
                                .apiGroup("rbac.authorization.k8s.io")
                                .kind("ClusterRole")
                                .name(KubeflowBindings.clusterRole(role)))
                        .subjects(List.of(new RbacV1Subject()
                                .apiGroup("rbac.authorization.k8s.io")
                                .kind("User")
                                .name(user))));
    }

    public void quota(String namespace, String name, Map<String, String> hard) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        hard.forEach((resource, quantity) -> limits.put(resource, Quantity.fromString(quantity)));
        create(
                ResourceTypes.RESOURCE_QUOTA,
                new V1ResourceQuota()
                        .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                        .spec(new V1ResourceQuotaSpec().hard(limits)));
    }

    /** A Notebook as notebook-service (or kubectl) writes it, mounting the claims; stopped or not. */
    public void notebook(String namespace, String name, List<String> claims, boolean stopped) {
        NotebookObject notebook = new NotebookObject();
        notebook.metadata = new V1ObjectMeta().namespace(namespace).name(name);
        if (stopped) {
            notebook.metadata.annotations(Map.of("kubeflow-resource-stopped", "2025-11-20T17:42:05Z"));
        }
        List<Map<String, Object>> volumes = claims.stream()
                .map(claim ->
                        Map.<String, Object>of("name", claim, "persistentVolumeClaim", Map.of("claimName", claim)))
                .toList();
        notebook.spec = Map.of(
                "template",
                Map.of(
                        "spec",
                        Map.of(
                                "containers",
                                List.of(Map.of("name", name, "image", "kubeflownotebookswg/jupyter-scipy:v1.10.0")),
                                "volumes",
                                volumes)));
        create(NOTEBOOK_OBJECTS, notebook);
    }

    public void deleteNotebook(String namespace, String name) {
        try {
            client.delete(NOTEBOOK_OBJECTS, namespace, name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim made with kubectl. */
    public V1PersistentVolumeClaim claim(String namespace, String name, String size, String storageClass) {
        return create(
                VolumeResources.CLAIMS,
                new V1PersistentVolumeClaim()
                        .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                        .spec(new V1PersistentVolumeClaimSpec()
                                .accessModes(List.of("ReadWriteOnce"))
                                .storageClassName(storageClass)
                                .resources(new V1VolumeResourceRequirements()
                                        .requests(Map.of("storage", Quantity.fromString(size))))));
    }

    /** A pod that mounts the claim, as a notebook's StatefulSet would make it. */
    public void pod(String namespace, String name, String claim) {
        create(
                ResourceTypes.POD,
                new io.kubernetes.client.openapi.models.V1Pod()
                        .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                        .spec(new io.kubernetes.client.openapi.models.V1PodSpec()
                                .containers(List.of(new io.kubernetes.client.openapi.models.V1Container()
                                        .name("main")
                                        .image("kubeflownotebookswg/jupyter-scipy:v1.10.0")))
                                .volumes(List.of(new io.kubernetes.client.openapi.models.V1Volume()
                                        .name("data")
                                        .persistentVolumeClaim(
                                                new io.kubernetes.client.openapi.models
                                                                .V1PersistentVolumeClaimVolumeSource()
                                                        .claimName(claim))))));
    }

    public void deleteClaim(String namespace, String name) {
        try {
            client.delete(VolumeResources.CLAIMS, namespace, name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the claim is bound: by the double's provisioner, else as the provisioner would bind it. */
    public V1PersistentVolumeClaim awaitBound(String namespace, String name) {
        if (!simulatesStorage()) {
            V1PersistentVolumeClaim claim = requireClaim(namespace, name);
            Quantity size = claim.getSpec().getResources().getRequests().get("storage");
            JsonObject status = new JsonObject();
            status.addProperty("phase", "Bound");
            status.add("accessModes", KubeJson.element(claim.getSpec().getAccessModes()));
            status.add("capacity", KubeJson.element(Map.of("storage", size.toSuffixedString())));
            patchStatus(VolumeResources.CLAIMS, claim, status);
        }
        return await().atMost(SEEN)
                .until(
                        () -> requireClaim(namespace, name),
                        c -> c.getStatus() != null
                                && "Bound".equals(c.getStatus().getPhase()));
    }

    /**
     * Waits until the claim's capacity is its request: with the double, once a running pod mounts it; else as the
     * resizer and kubelet would write it.
     */
    public V1PersistentVolumeClaim finishResize(String namespace, String name) {
        V1PersistentVolumeClaim claim = requireClaim(namespace, name);
        String size =
                claim.getSpec().getResources().getRequests().get("storage").toSuffixedString();
        if (!simulatesStorage()) {
            JsonObject status = KubeJson.tree(claim.getStatus());
            status.add("capacity", KubeJson.element(Map.of("storage", size)));
            status.remove("conditions");
            patchStatus(VolumeResources.CLAIMS, claim, status);
        } else {
            // the kubelet grows the file system when a running pod mounts the claim
            pod(namespace, "resize-" + name, name);
        }
        return await().atMost(SEEN)
                .until(
                        () -> requireClaim(namespace, name),
                        c -> c.getStatus() != null
                                && c.getStatus().getCapacity() != null
                                && size.equals(c.getStatus()
                                        .getCapacity()
                                        .get("storage")
                                        .toSuffixedString()));
    }

    /** Waits until the snapshot is ready: by the double's snapshot controller, else as that would write it. */
    public VolumeSnapshot awaitReady(String namespace, String name, String restoreSize) {
        if (!simulatesStorage()) {
            VolumeSnapshot snapshot =
                    get(VolumeResources.SNAPSHOTS, namespace, name).orElseThrow();
            JsonObject status = new JsonObject();
            status.addProperty("readyToUse", true);
            status.addProperty("restoreSize", restoreSize);
            status.addProperty(
                    "boundVolumeSnapshotContentName",
                    "snapcontent-" + snapshot.getMetadata().getUid());
            patchStatus(VolumeResources.SNAPSHOTS, snapshot, status);
        }
        return await().atMost(SEEN)
                .until(() -> get(VolumeResources.SNAPSHOTS, namespace, name).orElseThrow(), VolumeSnapshot::readyToUse);
    }

    public V1PersistentVolumeClaim requireClaim(String namespace, String name) {
        return get(VolumeResources.CLAIMS, namespace, name)
                .orElseThrow(() -> new AssertionError("claim " + namespace + "/" + name + " is missing"));
    }

    public <T extends KubernetesObject> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        try {
            return client.get(type, namespace, name);
        } catch (ApiException e) {
            throw new IllegalStateException("GET " + type.key(namespace, name) + ": HTTP " + e.getCode(), e);
        }
    }

    private <T extends KubernetesObject> void patchStatus(ResourceType<T> type, T object, JsonObject status) {
        try {
            client.jsonPatchStatus(
                    type,
                    object.getMetadata().getNamespace(),
                    object.getMetadata().getName(),
                    JsonPatch.atResourceVersion(object.getMetadata().getResourceVersion())
                            .add("/status", status));
        } catch (ApiException e) {
            throw new IllegalStateException(
                    "status of " + object.getMetadata().getName() + ": " + e.getResponseBody(), e);
        }
    }

    public <T extends KubernetesObject> T create(ResourceType<T> type, T object) {
        try {
            return client.create(type, object);
        } catch (ApiException e) {
            throw new IllegalStateException(
                    "creating " + type.kind() + " " + object.getMetadata().getName() + ": " + e.getResponseBody(), e);
        }
    }

    private <T extends KubernetesObject> void createIfAbsent(ResourceType<T> type, T object) {
        if (get(type, object.getMetadata().getNamespace(), object.getMetadata().getName())
                .isEmpty()) {
            try {
                client.create(type, object);
            } catch (ApiException e) {
                if (e.getCode() != 409) {
                    throw new IllegalStateException(e.getResponseBody(), e);
                }
            }
        }
    }

    /** A Notebook with whatever spec a test gives it. */
    public static final class NotebookObject implements KubernetesObject {
        private String apiVersion = "kubeflow.org/v1";
        private String kind = "Notebook";
        private V1ObjectMeta metadata;
        private Map<String, Object> spec;

        @Override
        public String getApiVersion() {
            return apiVersion;
        }

        @Override
        public String getKind() {
            return kind;
        }

        @Override
        public V1ObjectMeta getMetadata() {
            return metadata;
        }
    }
}
