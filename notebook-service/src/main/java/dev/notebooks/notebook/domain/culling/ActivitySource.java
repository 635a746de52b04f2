package dev.notebooks.notebook.domain.culling;

import java.util.List;

/** Where a notebook server's activity is read, as paths on its Service (the Service is reached without Istio's rewrite). */
public sealed interface ActivitySource {

    /** Jupyter honours {@code NB_PREFIX}: its API lives under the prefix. */
    record JupyterApi(String kernelsPath, String terminalsPath) implements ActivitySource {}

    /** code-server is served at {@code /}. */
    record CodeServerHeartbeat(String path) implements ActivitySource {}

    /**
     * An HTTP GET whose JSON answer holds the last activity time at a JSON pointer, for RStudio or any image.
     *
     * @param path absolute; {@code {prefix}} stands for the notebook's {@code /notebook/<ns>/<name>}
     */
    record HttpProbe(String path, String pointer) implements ActivitySource {}

    /** Nothing known to ask: the notebook is never culled, and its status says so. */
    record None(String reason) implements ActivitySource {}

    default List<String> paths() {
        if (this instanceof JupyterApi jupyter) {
            return List.of(jupyter.kernelsPath(), jupyter.terminalsPath());
        }
        if (this instanceof CodeServerHeartbeat heartbeat) {
            return List.of(heartbeat.path());
        }
        if (this instanceof HttpProbe probe) {
            return List.of(probe.path());
        }
        return List.of();
    }
}
