package dev.notebooks.platform.testing.kubernetes;

import dev.notebooks.platform.testing.FixtureFiles;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.Timing;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes API for tests, one per JVM. A kubeconfig given with {@code -Dplatform.testing.kubeconfig=<file>}
 * or {@code KUBECONFIG} points the tests at that cluster; otherwise the in-process {@link KubernetesApiDouble}
 * starts (read its javadoc for what it does not do).
 *
 * <p>From a {@code @MicronautTest}, use {@link #properties()} in a {@code TestPropertyProvider}. Micronaut's
 * {@code @Informer} beans exist only in the {@code k8s} environment, so such tests also need
 * {@code @MicronautTest(environments = Environment.KUBERNETES)}.
 */
public final class KubernetesFixture {

    /** System property naming a kubeconfig to test against instead of the API double. */
    public static final String KUBECONFIG_PROPERTY = "platform.testing.kubeconfig";

    /**
     * System property naming the folder for {@link KubeRequestLog}'s files; default {@code target/kube-requests} of
     * the module whose tests run (surefire's working directory).
     */
    public static final String REQUEST_LOG_PROPERTY = "platform.testing.kube-requests-dir";

    /** The User-Agent of {@link #apiClient()}: a test client, never recorded as a service. */
    static final String TEST_CLIENT_AGENT = "platform-testing/test-client";

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesFixture.class);
    private static KubernetesFixture shared;

    private final KubernetesApiDouble apiDouble;
    private final Path kubeconfig;
    private final String serverUrl;
    private ApiClient apiClient;
    private boolean closed;

    private KubernetesFixture(KubernetesApiDouble apiDouble, Path kubeconfig, String serverUrl) {
        this.apiDouble = apiDouble;
        this.kubeconfig = kubeconfig;
        this.serverUrl = serverUrl;
    }

    /** The JVM-wide API: a kubeconfig's cluster if one is given, else the in-process API double. Started on first use. */
    public static synchronized KubernetesFixture shared() {
        if (shared == null) {
            shared = givenKubeconfig().map(KubernetesFixture::external).orElseGet(KubernetesFixture::startDouble);
            SharedFixtures.closeAtEnd("Kubernetes API", shared::close);
        }
        return shared;
    }

    /** Base URL of the API server, e.g. http://127.0.0.1:34567. */
    public String serverUrl() {
        return serverUrl;
    }

    /** A kubeconfig file that points at this API. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /**
     * Micronaut properties that point a service's Kubernetes client (platform/kube's, or micronaut-kubernetes-client's)
     * at this API: the kubeconfig (which also keeps the client from looking for an in-cluster service account),
     * namespace {@code default}, and, for micronaut-kubernetes' {@code @Informer}, API discovery off, because the double
     * serves only static discovery; informers name their group and plural.
     */
    public Map<String, String> properties() {
        return Map.of(
                "kubernetes.client.kube-config-path", kubeconfig.toString(),
                "kubernetes.client.namespace", "default",
                "kubernetes.client.api-discovery.enabled", "false");
    }

    /** An official-client ApiClient for this API (for test set-up and assertions). */
    public synchronized ApiClient apiClient() {
        if (apiClient == null) {
            apiClient = newApiClient(kubeconfig);
        }
        return apiClient;
    }

    /**
     * Creates each namespace that does not exist yet, as a test's set-up does before writing into it: like a real
     * server, the API refuses objects in a namespace that does not exist.
     */
    public KubernetesFixture ensureNamespaces(String... names) {
        var core = new io.kubernetes.client.openapi.apis.CoreV1Api(apiClient());
        for (String name : names) {
            try {
                core.createNamespace(new io.kubernetes.client.openapi.models.V1Namespace()
                                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(name)))
                        .execute();
            } catch (io.kubernetes.client.openapi.ApiException e) {
                if (e.getCode() != 409) {
                    throw new IllegalStateException(
                            "Could not create namespace " + name + ": " + e.getResponseBody(), e);
                }
            }
        }
        return this;
    }

    /** Stops the double (no-op for an external cluster). Called once at the end of the test JVM. */
    public synchronized void close() {
        if (closed || apiDouble == null) {
            return;
        }
        closed = true;
        apiDouble.close();
        apiDouble.requestLog().writeTo(Path.of(System.getProperty(REQUEST_LOG_PROPERTY, "target/kube-requests")));
        try {
            FixtureFiles.deleteRecursively(kubeconfig.getParent());
        } catch (IOException e) {
            // a temporary kubeconfig left behind is harmless
        }
    }

    private static KubernetesFixture startDouble() {
        long started = System.nanoTime();
        var apiDouble = KubernetesApiDouble.start(0);
        Path kubeconfig = apiDouble.writeKubeconfig(
                FixtureFiles.temporaryDirectory("kubernetes-api-double").resolve("kubeconfig"));
        LOG.info("Kubernetes API double started at {} in {} ms", apiDouble.url(), Timing.millisSince(started));
        return new KubernetesFixture(apiDouble, kubeconfig, apiDouble.url());
    }

    private static KubernetesFixture external(Path kubeconfig) {
        String server = loadKubeconfig(kubeconfig).getServer();
        LOG.info("Kubernetes tests use the cluster at {} from {}", server, kubeconfig);
        return new KubernetesFixture(null, kubeconfig, server);
    }

    private static Optional<Path> givenKubeconfig() {
        Optional<String> property = Optional.ofNullable(System.getProperty(KUBECONFIG_PROPERTY));
        Optional<String> environment = Optional.ofNullable(System.getenv("KUBECONFIG"))
                // KUBECONFIG may list several files; the first one that exists is the one to use
                .flatMap(list -> Arrays.stream(list.split(File.pathSeparator))
                        .filter(file -> !file.isBlank() && Files.exists(Path.of(file)))
                        .findFirst());
        return property.or(() -> environment).filter(file -> !file.isBlank()).map(Path::of);
    }

    private static ApiClient newApiClient(Path kubeconfig) {
        try {
            ApiClient client =
                    ClientBuilder.kubeconfig(loadKubeconfig(kubeconfig)).build();
            client.setUserAgent(TEST_CLIENT_AGENT);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make an API client from " + kubeconfig, e);
        }
    }

    private static KubeConfig loadKubeconfig(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            KubeConfig kubeConfig = KubeConfig.loadKubeConfig(reader);
            kubeConfig.setFile(file.toFile());
            return kubeConfig;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the kubeconfig " + file, e);
        }
    }
}
