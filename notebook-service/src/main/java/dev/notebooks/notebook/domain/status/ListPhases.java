package dev.notebooks.notebook.domain.status;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookCondition;
import dev.notebooks.notebook.domain.NotebookStatus;
import dev.notebooks.notebook.domain.poddefault.PodDefaults;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * JWA's status rules ({@code status.py}) for the notebook list, fixed: never an exception on a condition or state of
 * unexpected shape (kubeflow/kubeflow#7454), a container still being created is waiting (JWA's check for that is dead
 * code), an image pull failure names the image, a quota refusal and a PodDefault conflict say so.
 */
public final class ListPhases {

    static final Duration JUST_CREATED = Duration.ofSeconds(10);
    private static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");
    private static final Set<String> IMAGE_PULL =
            Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");
    /** Reasons of the conditions this service writes itself, which say more than anything the pod says. */
    private static final Set<String> OWN_REASONS = Set.of(PodDefaults.Result.Conflicting.REASON);

    private ListPhases() {}

    /** @param events the events about the Notebook, such as those re-issued from its pod and StatefulSet */
    public static ListPhase of(Notebook notebook, List<CoreV1Event> events, Instant now) {
        NotebookStatus status =
                notebook.getStatus() == null ? new NotebookStatus(List.of(), 0, null) : notebook.getStatus();
        OffsetDateTime created =
                notebook.getMetadata() == null ? null : notebook.getMetadata().getCreationTimestamp();

        if (notebook.getMetadata() != null && notebook.getMetadata().getDeletionTimestamp() != null) {
            return ListPhase.of(ListPhase.TERMINATING, "Deleting this Notebook Server.");
        }
        if (notebook.isStopped()) {
            return status.readyReplicas() == 0
                    ? ListPhase.of(ListPhase.STOPPED, "No Pods are currently running for this Notebook Server.")
                    : ListPhase.of(ListPhase.WAITING, "Notebook Server is stopping.");
        }
        Optional<NotebookCondition> own = status.conditions().stream()
                .filter(c -> c != null
                        && c.reason() != null
                        && OWN_REASONS.contains(c.reason())
                        && !"True".equals(c.status()))
                .findFirst();
        if (own.isPresent()) {
            return ListPhase.of(
                    ListPhase.WARNING,
                    own.get().reason() + ": " + text(own.get().message()));
        }
        if (status.readyReplicas() >= 1) {
            return ListPhase.of(ListPhase.READY, "Running");
        }
        V1ContainerState state = status.containerState();
        boolean noState = state.getWaiting() == null && state.getRunning() == null && state.getTerminated() == null;
        if (noState
                && status.conditions().isEmpty()
                && created != null
                && !created.toInstant().plus(JUST_CREATED).isBefore(now)) {
            return ListPhase.of(ListPhase.WAITING, "Waiting for StatefulSet to create the underlying Pod.");
        }
        if (state.getWaiting() != null) {
            return waiting(state.getWaiting(), notebook);
        }
        Optional<CoreV1Event> newestWarning = newestWarning(events, created);
        Optional<String> quota = newestWarning.map(CoreV1Event::getMessage).flatMap(ListPhases::quotaRefusal);
        if (quota.isPresent()) {
            return ListPhase.of(ListPhase.WARNING, quota.get());
        }
        Optional<NotebookCondition> explained = status.conditions().stream()
                .filter(Objects::nonNull)
                .filter(c -> c.reason() != null && !c.reason().isEmpty())
                // an unschedulable pod says why (Insufficient nvidia.com/gpu) in PodScheduled
                .min(Comparator.comparing(c -> "PodScheduled".equals(c.type()) ? 0 : 1));
        if (explained.isPresent()) {
            return ListPhase.of(
                    ListPhase.WARNING,
                    explained.get().reason() + ": " + text(explained.get().message()));
        }
        if (newestWarning.isPresent()) {
            return ListPhase.of(ListPhase.WARNING, text(newestWarning.get().getMessage()));
        }
        return ListPhase.of(ListPhase.WARNING, "Couldn't find any information for the status of this notebook.");
    }

    private static ListPhase waiting(V1ContainerStateWaiting waiting, Notebook notebook) {
        String reason =
                waiting.getReason() == null || waiting.getReason().isEmpty() ? "Undefined" : waiting.getReason();
        if (STARTING.contains(reason)) {
            return ListPhase.of(ListPhase.WAITING, reason);
        }
        if (IMAGE_PULL.contains(reason)) {
            String image = notebook.containers().stream()
                    .filter(c -> c != null && Objects.equals(c.getName(), notebook.name()))
                    .findFirst()
                    .or(notebook::serverContainer)
                    .map(c -> c.getImage())
                    .orElse("");
            return ListPhase.of(ListPhase.WARNING, reason + ": " + image);
        }
        String message = waiting.getMessage() == null || waiting.getMessage().isEmpty()
                ? "No available message for container state."
                : waiting.getMessage();
        return ListPhase.of(ListPhase.WARNING, reason + ": " + message);
    }

    /** Quota admission's refusal of the pod, as the StatefulSet's FailedCreate event (re-issued on the Notebook) says. */
    static Optional<String> quotaRefusal(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (String marker : List.of("exceeded quota: ", "failed quota: ")) {
            int at = message.indexOf(marker);
            if (at >= 0) {
                return Optional.of("Quota exceeded: " + message.substring(at + marker.length()));
            }
        }
        return Optional.empty();
    }

    private static Optional<CoreV1Event> newestWarning(List<CoreV1Event> events, OffsetDateTime created) {
        return (events == null ? List.<CoreV1Event>of() : events)
                .stream()
                        .filter(Objects::nonNull)
                        .filter(event -> "Warning".equals(event.getType()))
                        .filter(event -> created == null
                                || time(event)
                                        .map(t -> !t.isBefore(created.toInstant()))
                                        .orElse(true))
                        .max(Comparator.comparing(event -> time(event).orElse(Instant.MIN)));
    }

    private static Optional<Instant> time(CoreV1Event event) {
        if (event.getLastTimestamp() != null) {
            return Optional.of(event.getLastTimestamp().toInstant());
        }
        if (event.getEventTime() != null) {
            return Optional.of(event.getEventTime().toInstant());
        }
        if (event.getFirstTimestamp() != null) {
            return Optional.of(event.getFirstTimestamp().toInstant());
        }
        return Optional.ofNullable(
                        event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp())
                .map(OffsetDateTime::toInstant);
    }

    private static String text(String message) {
        return message == null ? "" : message;
    }
}
