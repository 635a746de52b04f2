package dev.notebooks.notebook.domain.culling;

/**
 * code-server's {@code GET /healthz}.
 *
 * @param status {@code alive} or {@code expired}
 * @param lastHeartbeat epoch milliseconds of the last activity; 0 when there was none
 */
public record CodeServerHealth(String status, Long lastHeartbeat) {}
