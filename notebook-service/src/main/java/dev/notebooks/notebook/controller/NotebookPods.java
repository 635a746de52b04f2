package dev.notebooks.notebook.controller;

import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.CachedPart;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Of the cluster's pods, the cache keeps the notebooks' (label {@code notebook-name}), without their spec: the
 * reconciler reads a pod's labels, owners and status, the API its labels. The spec is the StatefulSet's template, which
 * is cached already; the pod endpoint reads the whole pod from the API server, as Kubeflow's web app does.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class NotebookPods implements CachedPart<V1Pod> {

    @Override
    public ResourceType<V1Pod> type() {
        return ResourceTypes.POD;
    }

    @Override
    public boolean keeps(V1Pod pod) {
        return pod.getMetadata() != null
                && pod.getMetadata().getLabels() != null
                && pod.getMetadata().getLabels().containsKey(NotebookAnnotations.NOTEBOOK_NAME_LABEL);
    }

    @Override
    public V1Pod form(V1Pod pod) {
        return pod.spec(null);
    }
}
