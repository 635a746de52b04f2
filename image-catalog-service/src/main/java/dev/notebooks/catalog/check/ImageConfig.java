package dev.notebooks.catalog.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an image's config blob says about how its containers run (the {@code config} object of the OCI image
 * configuration).
 *
 * @param user {@code User}: a name or uid, optionally with {@code :group}; empty means root
 * @param exposedPorts {@code ExposedPorts} keys such as {@code 8888/tcp}
 * @param env {@code Env}, by variable name
 * @param entrypoint {@code Entrypoint}
 * @param cmd {@code Cmd}
 */
record ImageConfig(
        String user, Set<String> exposedPorts, Map<String, String> env, List<String> entrypoint, List<String> cmd) {}
