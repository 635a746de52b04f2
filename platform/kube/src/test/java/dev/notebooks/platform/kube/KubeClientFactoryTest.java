package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NodeApi;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeClientFactoryTest {

    private final KubernetesFixture cluster = KubernetesFixture.shared();

    @Test
    void theClientReachesTheApiNamedInTheKubeconfig() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(fixture())) {
            ApiClient client = context.getBean(ApiClient.class);

            assertThat(client.getBasePath()).isEqualTo(cluster.serverUrl());
            V1Namespace namespace =
                    new CoreV1Api(client).readNamespace("default").execute();
            assertThat(namespace.getMetadata().getName()).isEqualTo("default");
        }
    }

    @Test
    void noBeanIsMadePerApiGroupSoTheirClassesStayUnloaded() {
        try (ApplicationContext context = ApplicationContext.run(fixture(), Environment.KUBERNETES)) {
            assertThat(context.findBeanDefinition(CoreV1Api.class)).isEmpty();
            assertThat(context.findBeanDefinition(NodeApi.class)).isEmpty();
        }
    }

    @Test
    void theInformerFactoryExistsInTheK8sEnvironmentOnly() {
        try (ApplicationContext k8s = ApplicationContext.run(fixture(), Environment.KUBERNETES);
                ApplicationContext elsewhere = ApplicationContext.run(fixture())) {
            assertThat(k8s.findBean(SharedInformerFactory.class)).isPresent();
            assertThat(elsewhere.findBean(SharedInformerFactory.class)).isEmpty();
        }
    }

    @Test
    void aKubeconfigPathThatNamesNoFileStopsTheStartWithTheSettingNamed(@TempDir Path folder) {
        Map<String, Object> properties = Map.of(
                "kubernetes.client.kube-config-path", folder.resolve("missing").toString());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThatThrownBy(() -> context.getBean(ApiClient.class))
                    .rootCause()
                    .hasMessageContaining("kubernetes.client.kube-config-path")
                    .hasMessageContaining("missing");
        }
    }

    @Test
    void theNamespaceIsTheSettingElseThePodsOwnElseDefault(@TempDir Path folder) throws Exception {
        Path mounted = folder.resolve("namespace");

        assertThat(KubeClientConfiguration.namespace(null, mounted)).isEqualTo("default");
        Files.writeString(mounted, "kubeflow\n");
        assertThat(KubeClientConfiguration.namespace(null, mounted)).isEqualTo("kubeflow");
        assertThat(KubeClientConfiguration.namespace(" ", mounted)).isEqualTo("kubeflow");
        assertThat(KubeClientConfiguration.namespace("platform", mounted)).isEqualTo("platform");
    }

    @Test
    void theNamespaceSettingIsRead() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kubernetes.client.namespace", "platform"))) {
            assertThat(context.getBean(KubeClientConfiguration.class).getNamespace())
                    .isEqualTo("platform");
        }
    }

    private Map<String, Object> fixture() {
        return new HashMap<>(cluster.properties());
    }
}
