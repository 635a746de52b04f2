package dev.notebooks.notebook.bench;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.testing.FixtureFiles;
import dev.notebooks.platform.testing.kubernetes.KubernetesApiDouble;
import dev.notebooks.platform.testing.kubernetes.WorkloadSettings;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An API double of the benchmark's own, with room for every notebook it starts: three simulated nodes of the shared
 * test node's size (64 cpu, 256Gi, 500 pods each), or nothing simulated at all for the bare writes.
 */
final class BenchCluster implements AutoCloseable {

    static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";

    private final KubernetesApiDouble apiDouble;
    private final Path kubeconfig;
    private final ApiClient apiClient;
    private final ResourceClient client;

    private BenchCluster(KubernetesApiDouble apiDouble) {
        this.apiDouble = apiDouble;
        this.kubeconfig = apiDouble.writeKubeconfig(
                FixtureFiles.temporaryDirectory("notebook-bench").resolve("kubeconfig"));
        try (Reader reader = Files.newBufferedReader(kubeconfig)) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            config.setFile(kubeconfig.toFile());
            this.apiClient = ClientBuilder.kubeconfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.client = new ResourceClient(apiClient, new KubeConfiguration("kubectl"));
    }

    /** Simulated nodes, scheduler, kubelet and notebook servers, for the service under test. */
    static BenchCluster withWorkloads() {
        List<WorkloadSettings.SimulatedNode> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(WorkloadSettings.SimulatedNode.forSharedTests("node-" + i));
        }
        return new BenchCluster(KubernetesApiDouble.start(KubernetesApiDouble.Settings.defaults()
                .workloads(WorkloadSettings.forTests().nodes(nodes))));
    }

    /** Objects stay as written: what the bare writes cost, nothing set in motion by them. */
    static BenchCluster bare() {
        return new BenchCluster(KubernetesApiDouble.start(
                KubernetesApiDouble.Settings.defaults().workloads(WorkloadSettings.off())));
    }

    /** Micronaut properties pointing the service at this double. */
    Map<String, String> properties() {
        return Map.of(
                "kubernetes.client.kube-config-path", kubeconfig.toString(), "kubernetes.client.namespace", "default");
    }

    ResourceClient client() {
        return client;
    }

    /** A profile's namespace as profile-service makes it: owned by {@code owner}, who may then use the spawner API. */
    void profileNamespace(String namespace, String owner) throws ApiException {
        client.create(
                ResourceTypes.NAMESPACE,
                new V1Namespace()
                        .metadata(new V1ObjectMeta()
                                .name(namespace)
                                .labels(Map.of("app.kubernetes.io/part-of", "kubeflow-profile"))
                                .annotations(Map.of("owner", owner))));
    }

    /** A small Jupyter notebook as JWA writes it (0.1 cpu, 128Mi, no volume), applied as kubectl would. */
    static Notebook notebook(String namespace, String name) {
        Map<String, Quantity> requests = new HashMap<>();
        requests.put("cpu", Quantity.fromString("100m"));
        requests.put("memory", Quantity.fromString("128Mi"));
        V1Container server = new V1Container()
                .name(name)
                .image(IMAGE)
                .resources(new V1ResourceRequirements().requests(requests).limits(requests));
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(NotebookAnnotations.SERVER_TYPE, "jupyter");
        annotations.put(NotebookAnnotations.CREATOR, "bench@example.com");
        return Notebook.of(
                new V1ObjectMeta()
                        .name(name)
                        .namespace(namespace)
                        .labels(new TreeMap<>(Map.of(NotebookAnnotations.APP_LABEL, name)))
                        .annotations(annotations),
                new V1PodSpec().serviceAccountName("default-editor").containers(new ArrayList<>(List.of(server))));
    }

    @Override
    public void close() {
        apiDouble.close();
        try {
            FixtureFiles.deleteRecursively(kubeconfig.getParent());
        } catch (IOException e) {
            // a temporary kubeconfig left behind is harmless
        }
    }
}
