package dev.notebooks.notebook.domain.status;

import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.NotebookCondition;
import dev.notebooks.notebook.domain.NotebookStatus;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Notebook's status in Kubeflow's shape, from its StatefulSet and pod, with nothing that changes by itself: where
 * Kubeflow writes {@code lastProbeTime: now} on every pass (and so writes status on every pass), the probe time here is
 * the pod's, else its transition time, so an unchanged pod gives an unchanged status.
 */
public final class NotebookStatuses {

    public static final String READY = "Ready";

    private NotebookStatuses() {}

    /**
     * @param statefulSet null when it does not exist (yet)
     * @param pod the notebook's pod {@code <name>-0}; null when there is none (stopped, or not yet made)
     * @param failure a condition of this service's own, such as {@code Ready=False, PodDefaultConflict}; it takes the
     *     place of the pod's condition of the same type
     */
    public static NotebookStatus of(
            String notebookName, V1StatefulSet statefulSet, V1Pod pod, Optional<NotebookCondition> failure) {
        int readyReplicas = statefulSet == null
                        || statefulSet.getStatus() == null
                        || statefulSet.getStatus().getReadyReplicas() == null
                ? 0
                : statefulSet.getStatus().getReadyReplicas();
        List<NotebookCondition> conditions = new ArrayList<>();
        V1ContainerState state = new V1ContainerState();
        if (pod != null && pod.getStatus() != null) {
            for (V1PodCondition condition : list(pod.getStatus().getConditions())) {
                if (condition != null && condition.getType() != null) {
                    conditions.add(new NotebookCondition(
                            condition.getType(),
                            condition.getStatus(),
                            condition.getLastProbeTime() != null
                                    ? condition.getLastProbeTime()
                                    : condition.getLastTransitionTime(),
                            condition.getLastTransitionTime(),
                            condition.getReason(),
                            condition.getMessage()));
                }
            }
            state = list(pod.getStatus().getContainerStatuses()).stream()
                    .filter(Objects::nonNull)
                    .filter(status -> notebookName.equals(status.getName()))
                    .map(V1ContainerStatus::getState)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .map(KubeModels::copy)
                    .orElseGet(V1ContainerState::new);
        }
        failure.ifPresent(own -> {
            conditions.removeIf(condition -> own.type().equals(condition.type()));
            conditions.add(0, own);
        });
        return new NotebookStatus(conditions, readyReplicas, state);
    }

    /** Whether the status to write differs from the one the Notebook has; nothing is written when it does not. */
    public static boolean changed(NotebookStatus current, NotebookStatus next) {
        return current == null || !KubeModels.tree(current).equals(KubeModels.tree(next));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
