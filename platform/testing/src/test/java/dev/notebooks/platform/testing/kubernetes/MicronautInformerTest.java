package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.kubernetes.client.informer.Informer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The fixture's properties are all a Micronaut application needs to reach the API and run an @Informer. */
@MicronautTest(environments = Environment.KUBERNETES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautInformerTest implements TestPropertyProvider {

    @Inject
    ApiClient micronautsClient;

    @Inject
    ConfigMapsSeen configMapsSeen;

    @Override
    public Map<String, String> getProperties() {
        return KubernetesFixture.shared().properties();
    }

    @Test
    void informerBeanSeesAConfigMapCreatedInTheConfiguredNamespace() throws Exception {
        String name = "seen-" + UUID.randomUUID().toString().substring(0, 8);

        new CoreV1Api(KubernetesFixture.shared().apiClient())
                .createNamespacedConfigMap("default", new V1ConfigMap().metadata(new V1ObjectMeta().name(name)))
                .execute();

        await().atMost(Duration.ofSeconds(1)).until(() -> configMapsSeen.names().contains(name));
        assertThat(micronautsClient.getBasePath())
                .isEqualTo(KubernetesFixture.shared().serverUrl());
    }

    @Singleton
    @Requires(env = Environment.KUBERNETES)
    @Informer(
            apiType = V1ConfigMap.class,
            apiListType = V1ConfigMapList.class,
            resourcePlural = "configmaps",
            apiGroup = "")
    static class ConfigMapsSeen implements ResourceEventHandler<V1ConfigMap> {

        private final List<String> names = new CopyOnWriteArrayList<>();

        List<String> names() {
            return names;
        }

        @Override
        public void onAdd(V1ConfigMap configMap) {
            names.add(configMap.getMetadata().getName());
        }

        @Override
        public void onUpdate(V1ConfigMap before, V1ConfigMap after) {}

        @Override
        public void onDelete(V1ConfigMap configMap, boolean finalStateUnknown) {}
    }
}
