package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One kind the API serves: its group, names and scope, the versions it is served in (one stored object whatever
 * version a request names, stored at {@code storageVersion}), its subresources and, for a custom resource, the
 * OpenAPI schema of each version.
 */
record ResourceType(
        String group,
        String kind,
        String plural,
        boolean namespaced,
        List<String> versions,
        String storageVersion,
        boolean statusSubresource,
        boolean scaleSubresource,
        boolean custom,
        List<String> shortNames,
        Map<String, JsonNode> schemas,
        Optional<String> modelClass) {

    ResourceType {
        versions = List.copyOf(versions);
        shortNames = List.copyOf(shortNames);
        schemas = Map.copyOf(schemas);
    }

    static Builder core(String kind, String plural) {
        return new Builder("", kind, plural);
    }

    static Builder of(String group, String kind, String plural) {
        return new Builder(group, kind, plural);
    }

    GroupResource groupResource() {
        return new GroupResource(group, plural);
    }

    /** {@code v1} for the core group, {@code group/version} otherwise, as in an object's {@code apiVersion}. */
    String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** Custom resources and workload controllers count {@code metadata.generation}; most built-in kinds do not. */
    boolean countsGeneration() {
        return custom || group.equals("apps") || group.equals("batch") || group.equals("policy");
    }

    boolean serves(String version) {
        return versions.contains(version);
    }

    static final class Builder {
        private final String group;
        private final String kind;
        private final String plural;
        private boolean namespaced = true;
        private List<String> versions = List.of("v1");
        private boolean status;
        private boolean scale;
        private List<String> shortNames = List.of();
        private String model;

        private Builder(String group, String kind, String plural) {
            this.group = group;
            this.kind = kind;
            this.plural = plural;
        }

        Builder clusterScoped() {
            namespaced = false;
            return this;
        }

        Builder withStatus() {
            status = true;
            return this;
        }

        Builder withScale() {
            scale = true;
            return this;
        }

        Builder shortNames(String... names) {
            shortNames = List.of(names);
            return this;
        }

        /** The client-java model class its OpenAPI schema is made from, e.g. {@code V1Pod}. */
        Builder model(String simpleName) {
            model = simpleName;
            return this;
        }

        ResourceType build() {
            return new ResourceType(
                    group,
                    kind,
                    plural,
                    namespaced,
                    versions,
                    versions.get(0),
                    status,
                    scale,
                    false,
                    shortNames,
                    Map.of(),
                    Optional.ofNullable(model == null ? "V1" + kind : model));
        }
    }
}
