package dev.notebooks.notebook.domain;

import io.kubernetes.client.openapi.models.V1ContainerState;
import java.util.List;

/**
 * Kubeflow's Notebook status, all three of its fields required by the CRD, plus the generation it was written for.
 *
 * @param conditions the pod's conditions, mirrored
 * @param readyReplicas the StatefulSet's ready replicas (0 or 1)
 * @param containerState the state of the container named after the notebook; empty when there is none
 * @param observedGeneration the Notebook's {@code metadata.generation} this status was written for; null when unknown
 */
public record NotebookStatus(
        List<NotebookCondition> conditions,
        int readyReplicas,
        V1ContainerState containerState,
        Long observedGeneration) {

    public NotebookStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        containerState = containerState == null ? new V1ContainerState() : containerState;
    }

    public NotebookStatus(List<NotebookCondition> conditions, int readyReplicas, V1ContainerState containerState) {
        this(conditions, readyReplicas, containerState, null);
    }

    /** The same status written for {@code generation}: on it and on each of its conditions. */
    public NotebookStatus observedAt(Long generation) {
        return new NotebookStatus(
                conditions.stream()
                        .map(condition -> condition.observedAt(generation))
                        .toList(),
                readyReplicas,
                containerState,
                generation);
    }
}
