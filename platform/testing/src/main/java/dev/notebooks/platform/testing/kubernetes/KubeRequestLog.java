package dev.notebooks.platform.testing.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every kind of request each service made to the API double, as RBAC sees it: verb, API group, resource, subresource,
 * and where (the whole cluster, the service's own namespace, another namespace). The services name themselves in
 * their User-Agent ({@code platform/kube} sets it to {@code micronaut.application.name}); kubectl's and client-java's
 * default agents carry a version after a slash, so test clients are never taken for a service. Written per agent to
 * {@code <dir>/<agent>.tsv}, merged with what an earlier JVM wrote there, sorted: the chart's RBAC proof reads it
 * ({@code deploy-tests}).
 */
public final class KubeRequestLog {

    /** Where a request went, as a Role or ClusterRole must allow it. */
    public static final String CLUSTER = "cluster";

    public static final String OWN_NAMESPACE = "own-namespace";
    public static final String OTHER_NAMESPACE = "other-namespace";

    private static final Pattern SERVICE_AGENT = Pattern.compile("[a-z][a-z0-9-]*");

    private final String ownNamespace;
    private final Map<String, Set<String>> linesByAgent = new ConcurrentHashMap<>();

    /** @param ownNamespace the namespace the services run in (their {@code kubernetes.client.namespace}) */
    public KubeRequestLog(String ownNamespace) {
        this.ownNamespace = ownNamespace;
    }

    void record(String userAgent, String method, String uri, boolean watch) {
        if (userAgent == null || !SERVICE_AGENT.matcher(userAgent).matches()) {
            return;
        }
        // discovery, OpenAPI and /version are open to every authenticated user (system:discovery); not RBAC's business
        ResourcePath.parse(uri).ifPresent(path -> linesByAgent
                .computeIfAbsent(userAgent, agent -> ConcurrentHashMap.newKeySet())
                .add(line(path, method, watch)));
    }

    private String line(ResourcePath path, String method, boolean watch) {
        String scope = path.namespace()
                .map(namespace -> namespace.equals(ownNamespace) ? OWN_NAMESPACE : OTHER_NAMESPACE)
                .orElse(CLUSTER);
        // an object's name matters only where a Role may name it: the few objects of the service's own namespace
        String name = scope.equals(OWN_NAMESPACE) ? path.name().orElse("") : "";
        return String.join(
                "\t",
                verb(method, path, watch),
                path.group(),
                path.plural(),
                path.subresource().orElse(""),
                scope,
                name);
    }

    private static String verb(String method, ResourcePath path, boolean watch) {
        boolean single = path.name().isPresent();
        return switch (method) {
            case "GET", "HEAD" -> watch ? "watch" : single ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> single ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The agents seen so far. */
    public Set<String> agents() {
        return Set.copyOf(linesByAgent.keySet());
    }

    /** Writes {@code <dir>/<agent>.tsv} for every agent seen, merged with what is there already. */
    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (var agent : linesByAgent.entrySet()) {
                Path file = directory.resolve(agent.getKey() + ".tsv");
                Set<String> lines = new TreeSet<>(agent.getValue());
                if (Files.exists(file)) {
                    Files.readAllLines(file).stream()
                            .filter(line -> !line.isBlank() && !line.startsWith("#"))
                            .forEach(lines::add);
                }
                List<String> content = new ArrayList<>();
                content.add("# verb\tapiGroup\tresource\tsubresource\tscope\tname (own namespace only)");
                content.addAll(lines);
                Files.write(file, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Kubernetes request log to " + directory, e);
        }
    }
}
