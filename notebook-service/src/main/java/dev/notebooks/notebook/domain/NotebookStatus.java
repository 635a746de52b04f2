package dev.notebooks.notebook.domain;

import io.kubernetes.client.openapi.models.V1ContainerState;
import java.util.List;

/**
 * Kubeflow's Notebook status, all three fields required by its CRD.
 *
 * @param conditions the pod's conditions, mirrored
 * @param readyReplicas the StatefulSet's ready replicas (0 or 1)
 * @param containerState the state of the container named after the notebook; empty when there is none
 */
public record NotebookStatus(List<NotebookCondition> conditions, int readyReplicas, V1ContainerState containerState) {

    public NotebookStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        containerState = containerState == null ? new V1ContainerState() : containerState;
    }
}
