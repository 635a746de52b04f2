package dev.notebooks.notebook.domain.children;

import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Notebook's StatefulSet: desired as Kubeflow's controller makes it, compared semantically, and merged into the actual
 * one rather than replacing it.
 *
 * <p>Kubeflow compares the template spec with plain equality against an API-defaulted object (an update on every pass)
 * and never copies template labels or annotations after creation. Here the desired template's hash, kept in an
 * annotation on the StatefulSet, says whether the Notebook (or a PodDefault) changed, including removals; and a
 * derivative comparison (fields the desired template sets, defaults ignored) catches hand edits of the StatefulSet.
 */
public final class NotebookStatefulSet {

    /** The name Kubeflow's unmerged scalability fix gave the same hash. */
    public static final String TEMPLATE_HASH = "notebooks.kubeflow.org/statefulset-template-hash";

    private NotebookStatefulSet() {}

    /** @param template the pod template: {@link NotebookPodTemplate#of} with the selected PodDefaults applied */
    public static V1StatefulSet desired(Notebook notebook, V1PodTemplateSpec template) {
        return new V1StatefulSet()
                .apiVersion("apps/v1")
                .kind("StatefulSet")
                .metadata(new V1ObjectMeta()
                        .name(notebook.name())
                        .namespace(notebook.namespace())
                        .annotations(new TreeMap<>(Map.of(TEMPLATE_HASH, hash(template))))
                        .addOwnerReferencesItem(Owners.of(notebook)))
                .spec(new V1StatefulSetSpec()
                        .replicas(notebook.isStopped() ? 0 : 1)
                        .selector(new V1LabelSelector()
                                .matchLabels(Map.of(NotebookAnnotations.STATEFULSET_LABEL, notebook.name())))
                        // required by the schema; Kubeflow's Go struct sends it empty too
                        .serviceName("")
                        .template(template));
    }

    public static String hash(V1PodTemplateSpec template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(KubeModels.tree(template).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** @return whether the actual StatefulSet differs from the desired one in anything this service owns */
    public static boolean needsUpdate(V1StatefulSet desired, V1StatefulSet actual) {
        V1ObjectMeta actualMeta = actual.getMetadata() == null ? new V1ObjectMeta() : actual.getMetadata();
        V1StatefulSetSpec actualSpec = actual.getSpec() == null ? new V1StatefulSetSpec() : actual.getSpec();
        int actualReplicas = actualSpec.getReplicas() == null ? 1 : actualSpec.getReplicas();
        return actualReplicas != desired.getSpec().getReplicas()
                || !Maps.containsAll(
                        actualMeta.getLabels(), desired.getMetadata().getLabels())
                || !Maps.containsAll(
                        actualMeta.getAnnotations(), desired.getMetadata().getAnnotations())
                || !Owners.hasOwners(actualMeta, desired.getMetadata())
                || !Covers.covers(
                        KubeModels.tree(actualSpec.getTemplate()),
                        KubeModels.tree(desired.getSpec().getTemplate()));
    }

    /**
     * The StatefulSet to write: the actual one with the desired replicas and pod template, labels and annotations
     * added to what others put on it, the selector and every other field as they are. In the pod template, the labels
     * and annotations are the desired ones plus annotations Kubeflow never copies from a Notebook (keys containing
     * {@code kubectl} or {@code notebook}), which only others can have put there, such as {@code kubectl rollout
     * restart}'s {@code kubectl.kubernetes.io/restartedAt}.
     */
    public static V1StatefulSet merged(V1StatefulSet desired, V1StatefulSet actual) {
        V1StatefulSet merged = KubeModels.copy(actual);
        V1ObjectMeta meta = merged.getMetadata() == null ? new V1ObjectMeta() : merged.getMetadata();
        merged.setMetadata(
                meta.labels(Maps.union(meta.getLabels(), desired.getMetadata().getLabels()))
                        .annotations(Maps.union(
                                meta.getAnnotations(), desired.getMetadata().getAnnotations()))
                        .ownerReferences(Owners.merged(meta, desired.getMetadata())));
        V1StatefulSetSpec spec = merged.getSpec() == null ? new V1StatefulSetSpec() : merged.getSpec();
        if (spec.getSelector() == null) {
            spec.setSelector(desired.getSpec().getSelector());
        }
        if (spec.getServiceName() == null) {
            spec.setServiceName(desired.getSpec().getServiceName());
        }
        V1PodTemplateSpec template = KubeModels.copy(desired.getSpec().getTemplate());
        template.getMetadata().setAnnotations(templateAnnotations(desired, actual));
        merged.setSpec(spec.replicas(desired.getSpec().getReplicas()).template(template));
        return merged;
    }

    private static Map<String, String> templateAnnotations(V1StatefulSet desired, V1StatefulSet actual) {
        Map<String, String> annotations = new TreeMap<>();
        if (actual.getSpec() != null
                && actual.getSpec().getTemplate() != null
                && actual.getSpec().getTemplate().getMetadata() != null) {
            Maps.orEmpty(actual.getSpec().getTemplate().getMetadata().getAnnotations())
                    .forEach((key, value) -> {
                        if (!NotebookPodTemplate.copiedToPods(key)) {
                            annotations.put(key, value);
                        }
                    });
        }
        annotations.putAll(
                Maps.orEmpty(desired.getSpec().getTemplate().getMetadata().getAnnotations()));
        return annotations.isEmpty() ? null : annotations;
    }
}
