package dev.notebooks.notebook.service;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.poddefault.PodDefault;
import dev.notebooks.notebook.domain.spawner.SpawnerConfig;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileAccess;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.StorageV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spawner's other reads, as JWA answers them: a notebook's pod, its logs and Events; the namespace's PodDefaults
 * and PVCs for the form; the GPU vendors the cluster's nodes offer, its storage classes, and the caller's namespaces.
 * Namespace reads need view on the profile; cluster-wide ones any signed-in caller, as in JWA.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class SpawnerResources {

    static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    static final String BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";
    static final String NOTEBOOK_NAME_LABEL = "notebook-name";

    private final NotebookService notebooks;
    private final NotebookCaches caches;
    private final ProfileRoles roles;
    private final CoreV1Api core;
    private final StorageV1Api storage;

    SpawnerResources(NotebookService notebooks, NotebookCaches caches, ProfileRoles roles, ApiClient apiClient) {
        this.notebooks = notebooks;
        this.caches = caches;
        this.roles = roles;
        this.core = new CoreV1Api(apiClient);
        this.storage = new StorageV1Api(apiClient);
    }

    /**
     * The notebook's pod (label {@code notebook-name}), read from the API server as JWA does (the cache keeps pods
     * without their spec); 404 "No pod detected." as JWA.
     */
    public V1Pod pod(Caller caller, String namespace, String name) {
        notebooks.require(caller, namespace, ProfileRole.VIEW, NotebookService.READ, name);
        caches.requireSynced();
        notebooks.cached(namespace, name);
        try {
            return core
                    .listNamespacedPod(namespace)
                    .labelSelector(NOTEBOOK_NAME_LABEL + "=" + name)
                    .execute()
                    .getItems()
                    .stream()
                    .min(Comparator.comparing(pod -> pod.getMetadata().getName()))
                    .orElseThrow(() -> ApiProblems.notFound("No pod detected."));
        } catch (ApiException e) {
            throw NotebookService.refused(e, "Reading the pod of " + name);
        }
    }

    /** The server container's log, line by line; only a pod of this notebook. */
    public List<String> logs(Caller caller, String namespace, String name, String podName) {
        notebooks.require(caller, namespace, ProfileRole.VIEW, NotebookService.READ, name);
        caches.requireSynced();
        notebooks.cached(namespace, name);
        boolean ours = caches.pods(namespace).stream()
                .anyMatch(pod -> podName.equals(pod.getMetadata().getName())
                        && pod.getMetadata().getLabels() != null
                        && name.equals(pod.getMetadata().getLabels().get(NOTEBOOK_NAME_LABEL)));
        if (!ours) {
            throw ApiProblems.notFound("Notebook " + name + " has no pod " + podName + ".");
        }
        try {
            String log = core.readNamespacedPodLog(podName, namespace)
                    .container(name)
                    .execute();
            return log == null || log.isEmpty() ? List.of() : Arrays.asList(log.split("\n"));
        } catch (ApiException e) {
            throw NotebookService.refused(e, "Reading the log of " + podName);
        }
    }

    /**
     * The Events about the Notebook (those re-issued from its pod and StatefulSet among them), oldest first, read from
     * the API server as JWA does (the cache keeps a reduced form of them).
     */
    public List<CoreV1Event> events(Caller caller, String namespace, String name) {
        notebooks.require(caller, namespace, ProfileRole.VIEW, NotebookService.READ, name);
        caches.requireSynced();
        notebooks.cached(namespace, name);
        try {
            return core
                    .listNamespacedEvent(namespace)
                    .fieldSelector("involvedObject.kind=" + Notebook.KIND + ",involvedObject.name=" + name)
                    .execute()
                    .getItems()
                    .stream()
                    .sorted(Comparator.comparing(
                            SpawnerResources::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
        } catch (ApiException e) {
            throw NotebookService.refused(e, "Reading the events of " + name);
        }
    }

    /**
     * The PodDefaults, as Kubernetes has them plus JWA's {@code label} and {@code desc}; one without a
     * {@code matchLabels} key is listed without a label instead of failing the list (kubeflow/notebooks#31).
     */
    public List<Map<String, Object>> podDefaults(Caller caller, String namespace) {
        notebooks.require(caller, namespace, ProfileRole.VIEW, NotebookService.READ, null);
        caches.requireSynced();
        return caches.podDefaults(namespace).stream()
                .sorted(Comparator.comparing(PodDefault::name))
                .map(podDefault -> {
                    Map<String, Object> item = new LinkedHashMap<>(NotebookItems.raw(podDefault));
                    item.put("label", podDefault.configurationLabel().orElse(null));
                    item.put("desc", podDefault.description());
                    return item;
                })
                .toList();
    }

    /** JWA's {@code [{name, size, mode}]}. */
    public List<Map<String, Object>> claims(Caller caller, String namespace) {
        notebooks.require(caller, namespace, ProfileRole.VIEW, NotebookService.READ, null);
        caches.requireSynced();
        return caches.claims(namespace).stream()
                .sorted(Comparator.comparing(claim -> claim.getMetadata().getName()))
                .map(SpawnerResources::claim)
                .toList();
    }

    /** The configured GPU vendors some node has capacity for (JWA: their limits keys). */
    public List<String> gpuVendors(SpawnerConfig config) {
        if (config.gpus() == null) {
            return List.of();
        }
        Set<String> capacity = new TreeSet<>();
        try {
            for (V1Node node : core.listNode().execute().getItems()) {
                if (node.getStatus() != null && node.getStatus().getCapacity() != null) {
                    capacity.addAll(node.getStatus().getCapacity().keySet());
                }
            }
        } catch (ApiException e) {
            throw NotebookService.refused(e, "Listing nodes");
        }
        return config.gpus().vendorsOrEmpty().stream()
                .map(SpawnerConfig.GpuVendor::limitsKey)
                .filter(Objects::nonNull)
                .filter(capacity::contains)
                .toList();
    }

    public List<String> storageClasses() {
        return storageClassObjects().stream()
                .map(storageClass -> storageClass.getMetadata().getName())
                .sorted()
                .toList();
    }

    /** The cluster's default storage class, or {@code ""} when it has none (as JWA). */
    public String defaultStorageClass() {
        return storageClassObjects().stream()
                .filter(storageClass -> storageClass.getMetadata().getAnnotations() != null
                        && ("true"
                                        .equals(storageClass
                                                .getMetadata()
                                                .getAnnotations()
                                                .get(DEFAULT_CLASS))
                                || "true"
                                        .equals(storageClass
                                                .getMetadata()
                                                .getAnnotations()
                                                .get(BETA_DEFAULT_CLASS))))
                .map(storageClass -> storageClass.getMetadata().getName())
                .sorted()
                .findFirst()
                .orElse("");
    }

    /** The profile namespaces the caller has a role in (all of them for an admin), by name. */
    public List<String> namespaces(Caller caller) {
        return roles.profilesFor(caller).stream().map(ProfileAccess::namespace).toList();
    }

    private List<V1StorageClass> storageClassObjects() {
        try {
            return storage.listStorageClass().execute().getItems();
        } catch (ApiException e) {
            throw NotebookService.refused(e, "Listing storage classes");
        }
    }

    private static Map<String, Object> claim(V1PersistentVolumeClaim claim) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", claim.getMetadata().getName());
        var spec = claim.getSpec();
        item.put(
                "size",
                spec == null
                                || spec.getResources() == null
                                || spec.getResources().getRequests() == null
                                || spec.getResources().getRequests().get("storage") == null
                        ? null
                        : spec.getResources().getRequests().get("storage").toSuffixedString());
        item.put(
                "mode",
                spec == null
                                || spec.getAccessModes() == null
                                || spec.getAccessModes().isEmpty()
                        ? null
                        : spec.getAccessModes().get(0));
        return item;
    }

    private static OffsetDateTime time(CoreV1Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        if (event.getEventTime() != null) {
            return event.getEventTime();
        }
        return event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp();
    }
}
