package dev.notebooks.notebook.domain;

import java.time.OffsetDateTime;

/** Kubeflow's {@code NotebookCondition}: a pod condition as the Notebook's status carries it. */
public record NotebookCondition(
        String type,
        String status,
        OffsetDateTime lastProbeTime,
        OffsetDateTime lastTransitionTime,
        String reason,
        String message) {}
