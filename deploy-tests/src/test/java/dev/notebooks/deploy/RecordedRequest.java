package dev.notebooks.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of request a service made to the Kubernetes API in its tests, as the API double recorded it
 * ({@code platform/testing}'s KubeRequestLog): verb, API group, resource, subresource, where, and the object's name
 * when it was in the service's own namespace.
 */
record RecordedRequest(String verb, String group, String resource, String subresource, Scope scope, String name) {

    enum Scope {
        /** a cluster-scoped object, or a namespaced kind across all namespaces */
        CLUSTER,
        /** the namespace the service runs in (the release's) */
        OWN_NAMESPACE,
        /** any other namespace (a profile's, Kubeflow's, Dex's) */
        OTHER_NAMESPACE
    }

    /** The file each service's tests leave in {@code <service>/target/kube-requests/<service>.tsv}. */
    static Path file(Path modules, String service) {
        return modules.resolve(service).resolve("target/kube-requests").resolve(service + ".tsv");
    }

    static List<RecordedRequest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No Kubernetes requests recorded at " + file.toAbsolutePath()
                    + ": run the service's tests first (the reactor does: ./mvnw verify, or -pl deploy-tests -am)");
        }
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(RecordedRequest::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordedRequest parse(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 6) {
            throw new IllegalArgumentException("not a recorded request: " + line);
        }
        Scope scope =
                Scope.valueOf(columns[4].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return new RecordedRequest(columns[0], columns[1], columns[2], columns[3], scope, columns[5]);
    }

    /** The resource as RBAC names it: {@code pods}, {@code profiles/status}. */
    String rbacResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    @Override
    public String toString() {
        return verb + " " + (group.isEmpty() ? "core" : group) + "/" + rbacResource() + " (" + scope
                + (name.isEmpty() ? "" : ", " + name) + ")";
    }
}
