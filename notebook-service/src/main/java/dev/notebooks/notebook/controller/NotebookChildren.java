package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static dev.notebooks.notebook.domain.NotebookResources.POD_DEFAULTS;
import static dev.notebooks.notebook.domain.NotebookResources.VIRTUAL_SERVICES;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.notebooks.notebook.NotebookSettings;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.children.ChildSettings;
import dev.notebooks.notebook.domain.children.NotebookPodTemplate;
import dev.notebooks.notebook.domain.children.NotebookServiceObject;
import dev.notebooks.notebook.domain.children.NotebookStatefulSet;
import dev.notebooks.notebook.domain.children.NotebookVirtualServiceObject;
import dev.notebooks.notebook.domain.children.VirtualServiceResource;
import dev.notebooks.notebook.domain.poddefault.PodDefault;
import dev.notebooks.notebook.domain.poddefault.PodDefaults;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Brings a Notebook's StatefulSet, Service and (with Istio) VirtualService in line with the domain's desired objects,
 * read from the informer caches and written only when the domain says they differ. A changed object is written with a
 * JSON patch bound to the resourceVersion it was compared with (409 when someone wrote in between: the pass runs
 * again), replacing only what this service owns: labels, annotations and owner references others added are kept.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class NotebookChildren {

    /** Kubeflow's {@code notebook_create_total}. */
    static final String CREATED_METRIC = "notebook.create";

    private final InformerCache cache;
    private final ResourceClient client;
    private final NotebookSettings settings;
    private final Optional<MeterRegistry> meters;

    NotebookChildren(
            InformerCache cache, ResourceClient client, NotebookSettings settings, Optional<MeterRegistry> meters) {
        this.cache = cache;
        this.client = client;
        this.settings = settings;
        this.meters = meters;
    }

    /** What a pass found and did. */
    record Converged(
            V1StatefulSet statefulSet, PodDefaults.Result podDefaults, Map<String, String> skippedPodDefaults) {

        Optional<PodDefaults.Result.Conflicting> conflict() {
            return podDefaults instanceof PodDefaults.Result.Conflicting conflicting
                    ? Optional.of(conflicting)
                    : Optional.empty();
        }
    }

    Converged converge(Notebook notebook) throws ApiException {
        ChildSettings childSettings = settings.childSettings();
        V1PodTemplateSpec template = NotebookPodTemplate.of(notebook, childSettings);
        List<PodDefault> inNamespace = cache.list(POD_DEFAULTS).stream()
                .filter(podDefault -> notebook.namespace().equals(podDefault.namespace()))
                .toList();
        PodDefaults.Selection selection = PodDefaults.select(inNamespace, notebook.namespace(), template);
        PodDefaults.Result result = PodDefaults.apply(template, selection.selected());
        V1StatefulSet statefulSet = convergeStatefulSet(notebook, result);
        convergeService(notebook);
        if (childSettings.istio().enabled()) {
            convergeVirtualService(notebook, childSettings);
        }
        return new Converged(statefulSet, result, selection.skipped());
    }

    /**
     * On a PodDefault conflict nothing of the template changes (Kubeflow's webhook would refuse the pod; here the pod
     * the notebook had keeps running and a new one is not made), but stop and start still work.
     */
    private V1StatefulSet convergeStatefulSet(Notebook notebook, PodDefaults.Result podDefaults) throws ApiException {
        Optional<V1StatefulSet> actual = cache.get(ResourceTypes.STATEFUL_SET, notebook.namespace(), notebook.name());
        if (podDefaults instanceof PodDefaults.Result.Conflicting) {
            if (actual.isEmpty()) {
                return null;
            }
            int replicas = notebook.isStopped() ? 0 : 1;
            Integer current = actual.get().getSpec() == null
                    ? null
                    : actual.get().getSpec().getReplicas();
            if (current != null && current == replicas) {
                return actual.get();
            }
            return client.jsonPatch(
                    ResourceTypes.STATEFUL_SET,
                    notebook.namespace(),
                    notebook.name(),
                    JsonPatch.atResourceVersion(resourceVersion(actual.get()))
                            .add("/spec/replicas", KubeJson.element(replicas)));
        }
        V1PodTemplateSpec template = ((PodDefaults.Result.Applied) podDefaults).template();
        V1StatefulSet desired = NotebookStatefulSet.desired(notebook, template);
        if (actual.isEmpty()) {
            V1StatefulSet created = client.create(ResourceTypes.STATEFUL_SET, desired);
            meters.ifPresent(registry -> registry.counter(CREATED_METRIC, "namespace", notebook.namespace())
                    .increment());
            return created;
        }
        if (!NotebookStatefulSet.needsUpdate(desired, actual.get())) {
            return actual.get();
        }
        V1StatefulSet merged = NotebookStatefulSet.merged(desired, actual.get());
        JsonObject tree = KubeJson.tree(merged);
        JsonObject spec = tree.getAsJsonObject("spec");
        JsonPatch patch = JsonPatch.atResourceVersion(resourceVersion(actual.get()));
        metadataPatch(patch, tree.getAsJsonObject("metadata"));
        patch.add("/spec/replicas", spec.get("replicas"));
        patch.add("/spec/template", spec.get("template"));
        return client.jsonPatch(ResourceTypes.STATEFUL_SET, notebook.namespace(), notebook.name(), patch);
    }

    private void convergeService(Notebook notebook) throws ApiException {
        V1Service desired = NotebookServiceObject.desired(notebook);
        Optional<V1Service> actual = cache.get(ResourceTypes.SERVICE, notebook.namespace(), notebook.name());
        if (actual.isEmpty()) {
            client.create(ResourceTypes.SERVICE, desired);
            return;
        }
        if (!NotebookServiceObject.needsUpdate(desired, actual.get())) {
            return;
        }
        JsonObject tree = KubeJson.tree(NotebookServiceObject.merged(desired, actual.get()));
        JsonObject spec = tree.getAsJsonObject("spec");
        JsonPatch patch = JsonPatch.atResourceVersion(resourceVersion(actual.get()));
        metadataPatch(patch, tree.getAsJsonObject("metadata"));
        patch.add("/spec/selector", spec.get("selector"));
        patch.add("/spec/type", spec.get("type"));
        patch.add("/spec/ports", spec.get("ports"));
        client.jsonPatch(ResourceTypes.SERVICE, notebook.namespace(), notebook.name(), patch);
    }

    private void convergeVirtualService(Notebook notebook, ChildSettings childSettings) throws ApiException {
        Optional<Map<String, Object>> wanted = NotebookVirtualServiceObject.desired(notebook, childSettings.istio());
        if (wanted.isEmpty()) {
            return;
        }
        JsonObject desired = KubeJson.tree(wanted.get());
        String name = NotebookVirtualServiceObject.name(notebook);
        Optional<VirtualServiceResource> actual = cache.get(VIRTUAL_SERVICES, notebook.namespace(), name);
        if (actual.isEmpty()) {
            client.create(VIRTUAL_SERVICES, KubeJson.fromTree(desired, VirtualServiceResource.class));
            return;
        }
        Map<String, Object> actualMap =
                Map.of("spec", KubeJson.gson().fromJson(actual.get().getSpec(), Map.class));
        boolean ownerMissing = actual.get().getMetadata().getOwnerReferences() == null
                || actual.get().getMetadata().getOwnerReferences().stream()
                        .noneMatch(reference -> notebook.getMetadata().getUid().equals(reference.getUid()));
        if (!ownerMissing
                && !NotebookVirtualServiceObject.needsUpdate(
                        wanted.get(), actual.get().getSpec() == null ? null : actualMap)) {
            return;
        }
        JsonPatch patch = JsonPatch.atResourceVersion(resourceVersion(actual.get()));
        if (ownerMissing) {
            List<JsonElement> references = new java.util.ArrayList<>();
            if (actual.get().getMetadata().getOwnerReferences() != null) {
                actual.get()
                        .getMetadata()
                        .getOwnerReferences()
                        .forEach(reference -> references.add(KubeJson.element(reference)));
            }
            desired.getAsJsonObject("metadata")
                    .getAsJsonArray("ownerReferences")
                    .forEach(references::add);
            com.google.gson.JsonArray array = new com.google.gson.JsonArray();
            references.forEach(array::add);
            patch.add("/metadata/ownerReferences", array);
        }
        patch.add("/spec", desired.get("spec"));
        client.jsonPatch(VIRTUAL_SERVICES, notebook.namespace(), name, patch);
    }

    /** The merged object's labels, annotations and owner references (theirs and ours together). */
    private static void metadataPatch(JsonPatch patch, JsonObject metadata) {
        for (String key : new String[] {"labels", "annotations", "ownerReferences"}) {
            if (metadata.has(key) && !metadata.get(key).isJsonNull()) {
                patch.add("/metadata/" + key, metadata.get(key));
            }
        }
    }

    private static String resourceVersion(KubernetesObject object) {
        return object.getMetadata().getResourceVersion();
    }

    /** The names of the Notebooks in a namespace, for a PodDefault that changed there. */
    List<String> notebooksIn(String namespace) {
        return cache.list(NOTEBOOKS).stream()
                .filter(notebook -> namespace != null && namespace.equals(notebook.namespace()))
                .map(Notebook::name)
                .collect(Collectors.toList());
    }

    static V1ObjectMeta metadata(KubernetesObject object) {
        return object.getMetadata() == null ? new V1ObjectMeta() : object.getMetadata();
    }

    static <T extends KubernetesObject> String key(ResourceType<T> type, KubernetesObject object) {
        return type.key(
                object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
}
