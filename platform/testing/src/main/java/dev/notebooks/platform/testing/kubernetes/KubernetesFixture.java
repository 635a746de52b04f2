package dev.notebooks.platform.testing.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import java.nio.file.Path;
import java.util.Map;

/** CONTRACT STUB (to be implemented): the Kubernetes API for tests, one per JVM. */
public final class KubernetesFixture {

    /** The JVM-wide API: a kubeconfig's cluster if one is given, else the in-process API double. Started on first use. */
    public static KubernetesFixture shared() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Base URL of the API server, e.g. http://127.0.0.1:34567. */
    public String serverUrl() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A kubeconfig file that points at this API. */
    public Path kubeconfig() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Micronaut properties that point micronaut-kubernetes-client at this API. */
    public Map<String, String> properties() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** An official-client ApiClient for this API (for test set-up and assertions). */
    public ApiClient apiClient() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Stops the double (no-op for an external cluster). Called once at the end of the test JVM. */
    public void close() {}
}
