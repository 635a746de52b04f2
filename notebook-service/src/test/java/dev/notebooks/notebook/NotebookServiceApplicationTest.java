package dev.notebooks.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service starts on the real PostgreSQL, Kafka and Kubernetes API with its defaults, and says it is ready. */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookServiceApplicationTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    NotebookSettings notebookSettings;

    @Inject
    CullingSettings cullingSettings;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.properties();
    }

    @Test
    void startsAndIsReady() {
        HttpResponse<String> readiness = http.toBlocking().exchange("/health/readiness", String.class);
        assertThat(readiness.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void settingsHaveKubeflowsDefaults() {
        assertThat(notebookSettings.isAddFsGroup()).isTrue();
        assertThat(notebookSettings.getIstio().isEnabled()).isFalse();
        assertThat(notebookSettings.getIstio().getGateway()).isEqualTo("kubeflow/kubeflow-gateway");
        assertThat(notebookSettings.childSettings().istio().host()).isEqualTo("*");
        assertThat(cullingSettings.isEnabled()).isFalse();
        assertThat(cullingSettings.getIdleTime()).isEqualTo(Duration.ofMinutes(1440));
        assertThat(cullingSettings.getCheckPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(cullingSettings.getLastActivityStep()).isEqualTo(Duration.ofMinutes(5));
        assertThat(cullingSettings.getAccess()).isEqualTo(CullingSettings.Access.CLUSTER_DNS);
        assertThat(cullingSettings.probesByServerType()).isEmpty();
    }
}
