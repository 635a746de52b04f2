package dev.notebooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A spawner ConfigMap whose YAML an administrator broke is never overwritten (every other setting is in it): it is
 * left as it is, said so once with a Warning Event and an audit record, and published to again once it parses.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpawnerConfigUnparseableTest implements TestPropertyProvider {

    private static final String NAMESPACE = CatalogFixtures.uniqueName("kubeflow");
    private static final String NAME = "jupyter-web-app-config";
    private static final String KEY = "spawner_ui_config.yaml";
    private static final String BROKEN = "spawnerFormDefaults:\n  image: [unclosed\n  cpu: {value: '0.5'\n";

    @Inject
    CatalogService catalog;

    // the test's own writes and reads go through a test client (not recorded as the service), signed as the service
    private final ResourceClient kubernetes =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("image-catalog-service"));

    @Inject
    AuditLog auditLog;

    @Override
    public Map<String, String> getProperties() {
        return CatalogFixtures.properties("catalog_unparseable", NAMESPACE);
    }

    @Test
    void aConfigMapThatDoesNotParseIsLeftAsItIsReportedOnceAndPublishedToOnceItParses() throws ApiException {
        await().atMost(Duration.ofSeconds(10)).until(() -> configMap().isPresent());
        patchYaml(BROKEN);

        catalog.add(NewImage.of("ghcr.io/example/unparseable:1", ServerType.JUPYTER, "While broken"), admin());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(warnings()).hasSize(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(17)).untilAsserted(() -> assertThat(yaml())
                .isEqualTo(BROKEN));
        assertThat(warnings()).hasSize(1);
        assertThat(auditLog.find(AuditQuery.newestFirst()
                                .withResource("ConfigMap", NAMESPACE, NAME)
                                .withAction("spawner-config.unparseable"))
                        .items())
                .singleElement()
                .satisfies(record -> assertThat(record.reason()).contains(KEY));

        patchYaml("spawnerFormDefaults:\n  cpu:\n    value: '0.5'\n");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(yaml())
                .contains("ghcr.io/example/unparseable:1")
                .contains("value: '0.5'"));
    }

    private Actor admin() {
        return Actor.api("admin@example.com");
    }

    private void patchYaml(String text) throws ApiException {
        JsonObject data = new JsonObject();
        data.addProperty(KEY, text);
        JsonObject patch = new JsonObject();
        patch.add("data", data);
        kubernetes.mergePatch(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME, patch);
    }

    private java.util.Optional<V1ConfigMap> configMap() throws ApiException {
        return kubernetes.get(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME);
    }

    private String yaml() throws ApiException {
        return configMap().orElseThrow().getData().get(KEY);
    }

    private List<CoreV1Event> warnings() throws ApiException {
        return new CoreV1Api(KubernetesFixture.shared().apiClient())
                .listNamespacedEvent(NAMESPACE).execute().getItems().stream()
                        .filter(event -> "SpawnerConfigUnparseable".equals(event.getReason()))
                        .toList();
    }
}
