package dev.notebooks.notebook.domain.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.NotebookCondition;
import dev.notebooks.notebook.domain.NotebookStatus;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetStatus;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotebookStatusesTest {

    private static final OffsetDateTime STARTED = OffsetDateTime.parse("2025-01-01T10:00:00Z");

    @Test
    void kubeflowsShapeFromTheStatefulSetAndThePod() {
        NotebookStatus status = NotebookStatuses.of("nb", statefulSet(1), runningPod(), Optional.empty());

        assertThat(status.readyReplicas()).isEqualTo(1);
        assertThat(status.containerState().getRunning().getStartedAt()).isEqualTo(STARTED);
        assertThat(status.conditions())
                .containsExactly(new NotebookCondition("Ready", "True", STARTED, STARTED, null, null));
    }

    @Test
    void theSamePodGivesTheSameStatusSoNothingIsWritten() {
        NotebookStatus first = NotebookStatuses.of("nb", statefulSet(1), runningPod(), Optional.empty());
        NotebookStatus second = NotebookStatuses.of("nb", statefulSet(1), runningPod(), Optional.empty());

        assertThat(NotebookStatuses.changed(first, second)).isFalse();
        assertThat(NotebookStatuses.changed(first, NotebookStatuses.of("nb", statefulSet(0), null, Optional.empty())))
                .isTrue();
    }

    @Test
    void theContainerStateIsOnlyTheOneNamedAfterTheNotebook() {
        V1Pod pod = runningPod();
        pod.getStatus().getContainerStatuses().get(0).setName("istio-proxy");

        assertThat(NotebookStatuses.of("nb", statefulSet(0), pod, Optional.empty())
                        .containerState())
                .isEqualTo(new V1ContainerState());
    }

    @Test
    void noPodOrNoStatefulSetGivesAnEmptyStatusNotAnError() {
        NotebookStatus status = NotebookStatuses.of("nb", null, new V1Pod(), Optional.empty());

        assertThat(status.readyReplicas()).isZero();
        assertThat(status.conditions()).isEmpty();
        assertThat(status.containerState()).isEqualTo(new V1ContainerState());
    }

    @Test
    void oddConditionsAreSkippedNotThrown() {
        V1Pod pod = runningPod();
        pod.getStatus().addConditionsItem(null).addConditionsItem(new V1PodCondition().status("False"));

        assertThat(NotebookStatuses.of("nb", statefulSet(1), pod, Optional.empty())
                        .conditions())
                .hasSize(1);
    }

    @Test
    void ourOwnFailureTakesThePlaceOfThePodsReadyCondition() {
        NotebookCondition conflict = new NotebookCondition(
                "Ready", "False", STARTED, STARTED, "PodDefaultConflict", "PodDefaults a, b conflict");

        NotebookStatus status = NotebookStatuses.of("nb", statefulSet(1), runningPod(), Optional.of(conflict));

        assertThat(status.conditions()).containsExactly(conflict);
    }

    static V1StatefulSet statefulSet(int ready) {
        return new V1StatefulSet().status(new V1StatefulSetStatus().replicas(1).readyReplicas(ready));
    }

    static V1Pod runningPod() {
        return new V1Pod()
                .status(new V1PodStatus()
                        .addConditionsItem(new V1PodCondition()
                                .type("Ready")
                                .status("True")
                                .lastTransitionTime(STARTED))
                        .addContainerStatusesItem(new V1ContainerStatus()
                                .name("nb")
                                .ready(true)
                                .state(new V1ContainerState()
                                        .running(new V1ContainerStateRunning().startedAt(STARTED)))));
    }

    static V1Pod waitingPod(String reason, String message) {
        return new V1Pod()
                .status(new V1PodStatus()
                        .addContainerStatusesItem(new V1ContainerStatus()
                                .name("nb")
                                .state(new V1ContainerState()
                                        .waiting(new V1ContainerStateWaiting()
                                                .reason(reason)
                                                .message(message)))));
    }
}
