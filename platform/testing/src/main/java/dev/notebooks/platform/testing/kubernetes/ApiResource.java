package dev.notebooks.platform.testing.kubernetes;

import java.util.List;
import java.util.Locale;

/** One kind of object the API serves, e.g. {@code coordination.k8s.io/v1 Lease} at {@code leases}. */
record ApiResource(
        String group, String version, String kind, String plural, boolean namespaced, List<String> shortNames) {

    ApiResource {
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    }

    static ApiResource core(String kind, String plural, boolean namespaced, String... shortNames) {
        return builtIn("", kind, plural, namespaced, shortNames);
    }

    static ApiResource builtIn(String group, String kind, String plural, boolean namespaced, String... shortNames) {
        return new ApiResource(group, "v1", kind, plural, namespaced, List.of(shortNames));
    }

    /** {@code v1} for the core group, {@code group/version} otherwise, as in an object's {@code apiVersion}. */
    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }
}
