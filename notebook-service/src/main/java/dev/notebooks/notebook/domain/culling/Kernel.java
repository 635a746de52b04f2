package dev.notebooks.notebook.domain.culling;

/**
 * One entry of Jupyter's {@code GET /api/kernels}.
 *
 * @param lastActivity ISO 8601, as Jupyter writes it ({@code 2025-01-01T10:00:00.123456Z})
 * @param executionState {@code idle}, {@code busy}, {@code starting}, ...
 */
public record Kernel(String id, String name, String lastActivity, String executionState, Integer connections) {}
