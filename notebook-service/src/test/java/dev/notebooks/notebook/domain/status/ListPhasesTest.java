package dev.notebooks.notebook.domain.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookCondition;
import dev.notebooks.notebook.domain.NotebookStatus;
import dev.notebooks.notebook.domain.TestNotebooks;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListPhasesTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2025-01-01T10:00:00Z");
    private static final Instant LATER = CREATED.toInstant().plusSeconds(120);

    @Test
    void aReadyReplicaIsReady() {
        assertThat(phase(status(1, new V1ContainerState()), List.of(), LATER))
                .isEqualTo(new ListPhase("ready", "Running", ""));
    }

    @Test
    void justCreatedWithoutAnyStatusIsWaiting() {
        assertThat(phase(null, List.of(), CREATED.toInstant().plusSeconds(5)).phase())
                .isEqualTo("waiting");
        assertThat(phase(null, List.of(), LATER).phase()).isEqualTo("warning");
    }

    @Test
    void stoppedAndStopping() {
        Notebook stopped = notebook(status(0, new V1ContainerState()));
        stopped.getMetadata().putAnnotationsItem("kubeflow-resource-stopped", "2025-01-01T11:00:00Z");
        Notebook stopping = notebook(status(1, new V1ContainerState()));
        stopping.getMetadata().putAnnotationsItem("kubeflow-resource-stopped", "2025-01-01T11:00:00Z");

        assertThat(ListPhases.of(stopped, List.of(), LATER).phase()).isEqualTo("stopped");
        assertThat(ListPhases.of(stopping, List.of(), LATER))
                .isEqualTo(new ListPhase("waiting", "Notebook Server is stopping.", ""));
    }

    @Test
    void aNotebookBeingDeletedIsTerminatingEvenWhenStopped() {
        Notebook notebook = notebook(status(0, new V1ContainerState()));
        notebook.getMetadata()
                .deletionTimestamp(CREATED.plusMinutes(5))
                .putAnnotationsItem("kubeflow-resource-stopped", "x");

        assertThat(ListPhases.of(notebook, List.of(), LATER).phase()).isEqualTo("terminating");
    }

    @Test
    void anImagePullFailureNamesTheImage() {
        ListPhase phase = phase(status(0, waiting("ImagePullBackOff", "Back-off pulling image")), List.of(), LATER);

        assertThat(phase)
                .isEqualTo(new ListPhase(
                        "warning",
                        "ImagePullBackOff: ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0",
                        ""));
    }

    @Test
    void aContainerBeingCreatedIsWaitingNotWarning() {
        assertThat(phase(status(0, waiting("ContainerCreating", null)), List.of(), LATER))
                .isEqualTo(new ListPhase("waiting", "ContainerCreating", ""));
        assertThat(phase(status(0, waiting("PodInitializing", null)), List.of(), LATER)
                        .phase())
                .isEqualTo("waiting");
    }

    @Test
    void aWaitingStateWithoutReasonOrMessageGetsJwasDefaults() {
        assertThat(phase(status(0, new V1ContainerState().waiting(new V1ContainerStateWaiting())), List.of(), LATER)
                        .message())
                .isEqualTo("Undefined: No available message for container state.");
    }

    @Test
    void anUnschedulablePodSaysWhichResourceIsMissing() {
        NotebookStatus status = new NotebookStatus(
                List.of(
                        new NotebookCondition("Ready", "False", null, null, "ContainersNotReady", null),
                        new NotebookCondition(
                                "PodScheduled",
                                "False",
                                null,
                                null,
                                "Unschedulable",
                                "0/1 nodes are available: 1 Insufficient nvidia.com/gpu.")),
                0,
                new V1ContainerState());

        assertThat(phase(status, List.of(), LATER).message())
                .isEqualTo("Unschedulable: 0/1 nodes are available: 1 Insufficient nvidia.com/gpu.");
    }

    @Test
    void conditionsWithoutReasonAsAPodHasThemAreNoError() {
        NotebookStatus status = new NotebookStatus(
                List.of(
                        new NotebookCondition("Initialized", "True", null, null, null, null),
                        new NotebookCondition(
                                "PodScheduled",
                                "False",
                                null,
                                null,
                                "Unschedulable",
                                "0/1 nodes are available: 1 Insufficient nvidia.com/gpu.")),
                0,
                new V1ContainerState());

        assertThat(phase(status, List.of(), LATER).message())
                .isEqualTo("Unschedulable: 0/1 nodes are available: 1 Insufficient nvidia.com/gpu.");
    }

    @Test
    void aConditionWithoutMessageIsNoError() {
        NotebookStatus status = new NotebookStatus(
                List.of(new NotebookCondition("Ready", "False", null, null, "ContainersNotReady", null)),
                0,
                new V1ContainerState());

        assertThat(phase(status, List.of(), LATER)).isEqualTo(new ListPhase("warning", "ContainersNotReady: ", ""));
    }

    @Test
    void aQuotaRefusalOfThePodSaysQuotaExceeded() {
        CoreV1Event refused = event(
                "Warning",
                CREATED.plusSeconds(30),
                "Reissued from statefulset/nb: create Pod nb-0 in StatefulSet nb failed error: pods \"nb-0\" is forbidden:"
                        + " exceeded quota: kf-resource-quota, requested: requests.cpu=4, used: requests.cpu=0, limited: requests.cpu=2");

        assertThat(phase(status(0, new V1ContainerState()), List.of(refused), LATER))
                .isEqualTo(new ListPhase(
                        "warning",
                        "Quota exceeded: kf-resource-quota, requested: requests.cpu=4, used: requests.cpu=0, limited: requests.cpu=2",
                        ""));
    }

    @Test
    void theNewestWarningSinceCreationOtherwise() {
        List<CoreV1Event> events = List.of(
                event("Warning", CREATED.minusDays(1), "from an earlier notebook of the same name"),
                event("Warning", CREATED.plusSeconds(40), "newest"),
                event("Warning", CREATED.plusSeconds(20), "older"),
                event("Normal", CREATED.plusSeconds(50), "normal"));

        assertThat(phase(status(0, new V1ContainerState()), events, LATER).message())
                .isEqualTo("newest");
    }

    @Test
    void aPodDefaultConflictIsAWarningEvenWhileTheOldPodRuns() {
        NotebookStatus status = new NotebookStatus(
                List.of(new NotebookCondition(
                        "Ready", "False", null, null, "PodDefaultConflict", "PodDefaults a, b conflict")),
                1,
                new V1ContainerState());

        assertThat(phase(status, List.of(), LATER))
                .isEqualTo(new ListPhase("warning", "PodDefaultConflict: PodDefaults a, b conflict", ""));
    }

    @Test
    void aNotebookOfUnexpectedShapeStillHasAPhase() {
        Notebook odd = Notebook.of(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("odd"), null);
        odd.status(new NotebookStatus(null, 0, null));

        assertThat(ListPhases.of(odd, java.util.Arrays.asList(null, new CoreV1Event()), LATER)
                        .phase())
                .isEqualTo("warning");
    }

    @Test
    void reissuedEventsNameTheirSource() {
        CoreV1Event podEvent = new CoreV1Event()
                .type("Warning")
                .reason("FailedScheduling")
                .message("0/1 nodes are available")
                .involvedObject(new io.kubernetes.client.openapi.models.V1ObjectReference()
                        .kind("Pod")
                        .name("nb-0"));

        assertThat(EventReissue.of(podEvent, null))
                .contains(new EventReissue.Reissued(
                        "nb", "Warning", "FailedScheduling", "Reissued from pod/nb-0: 0/1 nodes are available"));
        assertThat(EventReissue.of(podEvent, Map.of("notebook-name", "other")))
                .get()
                .extracting(EventReissue.Reissued::notebook)
                .isEqualTo("other");
        assertThat(EventReissue.of(
                        podEvent.involvedObject(new io.kubernetes.client.openapi.models.V1ObjectReference()
                                .kind("Service")
                                .name("nb")),
                        null))
                .isEmpty();
    }

    private static ListPhase phase(NotebookStatus status, List<CoreV1Event> events, Instant now) {
        return ListPhases.of(notebook(status), events, now);
    }

    private static Notebook notebook(NotebookStatus status) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().creationTimestamp(CREATED);
        return notebook.status(status);
    }

    private static NotebookStatus status(int ready, V1ContainerState state) {
        return new NotebookStatus(List.of(), ready, state);
    }

    private static V1ContainerState waiting(String reason, String message) {
        return new V1ContainerState()
                .waiting(new V1ContainerStateWaiting().reason(reason).message(message));
    }

    private static CoreV1Event event(String type, OffsetDateTime at, String message) {
        return new CoreV1Event().type(type).lastTimestamp(at).message(message);
    }
}
