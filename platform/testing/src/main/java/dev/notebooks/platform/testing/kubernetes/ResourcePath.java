package dev.notebooks.platform.testing.kubernetes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a resource URL: {@code /api/v1/namespaces/team/configmaps/settings} or
 * {@code /apis/kubeflow.org/v1/profiles/alice/status}. The query string is ignored.
 */
record ResourcePath(String group, String version, String plural, Optional<String> name) {

    static Optional<ResourcePath> parse(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        List<String> segments = Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
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
        // namespaces/<ns>/<plural>/... is a namespaced resource; namespaces/<name> is the namespace itself
        List<String> resource =
                rest.size() >= 3 && rest.get(0).equals("namespaces") ? rest.subList(2, rest.size()) : rest;
        Optional<String> name = resource.size() >= 2 ? Optional.of(resource.get(1)) : Optional.empty();
        return Optional.of(new ResourcePath(group, version, resource.get(0), name));
    }
}
