package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A double of its own, to watch its watches and to stop it. */
class ApiDoubleLifecycleTest {

    private final KubernetesApiDouble apiDouble = KubernetesApiDouble.start(0);
    // a bounded read: after the stop, a new connection to the freed port must fail, never wait forever
    private final ApiClient client = new ClientBuilder()
            .setBasePath(apiDouble.url())
            .setReadTimeout(Duration.ofSeconds(5))
            .build();
    private final CoreV1Api core = new CoreV1Api(client);

    @AfterEach
    void stop() {
        apiDouble.close();
    }

    @Test
    void clientHangingUpReleasesTheMockWatch() throws Exception {
        Watch<V1ConfigMap> watch = watchConfigMaps();
        await().atMost(Duration.ofSeconds(1)).until(() -> apiDouble.openWatches() == 1);

        watch.close();

        await().atMost(Duration.ofSeconds(1)).until(() -> apiDouble.openWatches() == 0);
    }

    @Test
    void stoppingTheDoubleEndsItsWatchesCleanly() throws Exception {
        try (Watch<V1ConfigMap> watch = watchConfigMaps()) {
            await().atMost(Duration.ofSeconds(1)).until(() -> apiDouble.openWatches() == 1);

            apiDouble.close();

            assertThat(watch.hasNext()).isFalse();
            assertThat(apiDouble.openWatches()).isZero();
        }
        assertThatThrownBy(() -> core.listNamespace().execute()).hasCauseInstanceOf(IOException.class);
    }

    private Watch<V1ConfigMap> watchConfigMaps() throws Exception {
        return Watch.createWatch(
                client,
                core.listNamespacedConfigMap("default").watch(true).buildCall(null),
                new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType());
    }
}
