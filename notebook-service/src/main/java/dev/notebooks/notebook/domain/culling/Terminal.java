package dev.notebooks.notebook.domain.culling;

/** One entry of Jupyter's {@code GET /api/terminals}; Kubeflow's culler never asks, so terminal-only work is culled there. */
public record Terminal(String name, String lastActivity) {}
