package dev.notebooks.notebook.domain;

import java.time.OffsetDateTime;

/**
 * Kubeflow's {@code NotebookCondition}: a pod condition as the Notebook's status carries it, plus the generation of the
 * Notebook it was written for (this platform's addition to the CRD).
 */
public record NotebookCondition(
        String type,
        String status,
        OffsetDateTime lastProbeTime,
        OffsetDateTime lastTransitionTime,
        String reason,
        String message,
        Long observedGeneration) {

    public NotebookCondition(
            String type,
            String status,
            OffsetDateTime lastProbeTime,
            OffsetDateTime lastTransitionTime,
            String reason,
            String message) {
        this(type, status, lastProbeTime, lastTransitionTime, reason, message, null);
    }

    public NotebookCondition observedAt(Long generation) {
        return new NotebookCondition(type, status, lastProbeTime, lastTransitionTime, reason, message, generation);
    }
}
