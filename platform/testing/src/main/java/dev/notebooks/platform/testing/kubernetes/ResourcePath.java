package dev.notebooks.platform.testing.kubernetes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a resource URL: {@code /api/v1/namespaces/team/configmaps/settings},
 * {@code /apis/kubeflow.org/v1/profiles/alice/status} or {@code /api/v1/namespaces/team} (the namespace itself).
 * The query string is not part of it.
 */
record ResourcePath(
        String group,
        String version,
        String plural,
        Optional<String> namespace,
        Optional<String> name,
        Optional<String> subresource,
        List<String> rest) {

    static Optional<ResourcePath> parse(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        List<String> segments = Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            return resource("", segments.get(1), segments.subList(2, segments.size()));
        }
        if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            return resource(segments.get(1), segments.get(2), segments.subList(3, segments.size()));
        }
        return Optional.empty();
    }

    private static Optional<ResourcePath> resource(String group, String version, List<String> rest) {
        Optional<String> namespace = Optional.empty();
        List<String> resource = rest;
        // namespaces/<ns>/<plural>/... is a namespaced resource; namespaces/<name>[/status] is the namespace itself
        if (rest.size() >= 3 && rest.get(0).equals("namespaces") && !isNamespaceSubresource(rest)) {
            namespace = Optional.of(rest.get(1));
            resource = rest.subList(2, rest.size());
        }
        Optional<String> name = resource.size() >= 2 ? Optional.of(resource.get(1)) : Optional.empty();
        Optional<String> subresource = resource.size() >= 3 ? Optional.of(resource.get(2)) : Optional.empty();
        List<String> tail = resource.size() > 3 ? List.copyOf(resource.subList(3, resource.size())) : List.of();
        return Optional.of(new ResourcePath(group, version, resource.get(0), namespace, name, subresource, tail));
    }

    private static boolean isNamespaceSubresource(List<String> rest) {
        return rest.size() == 3 && (rest.get(2).equals("status") || rest.get(2).equals("finalize"));
    }

    GroupResource groupResource() {
        return new GroupResource(group, plural);
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
