package dev.notebooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.notebooks.catalog.domain.ChangeAction;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * Fault 4: an administrator's {@code kubectl edit cm jupyter-web-app-config} is adopted (the default,
 * {@code catalog.configmap-edits: adopt}) as catalog changes by the editor, and what the catalog's rules forbid is put
 * back with a Warning Event saying why. Each case edits the ConfigMap as it finds it, so they hold in any order. No
 * resync runs while they do: the ConfigMap's informer alone brings each edit to the publisher.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpawnerConfigMapEditsTest implements TestPropertyProvider {

    private static final String NAMESPACE = CatalogFixtures.uniqueName("kubeflow");
    private static final String NAME = "jupyter-web-app-config";
    private static final String KEY = "spawner_ui_config.yaml";
    private static final String EDITOR = "kubectl-edit";
    private static final Duration ADOPTED = Duration.ofSeconds(10);

    @Inject
    CatalogService catalog;

    /** The administrator, with kubectl edit's field manager. */
    private final ResourceClient kubectl =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration(EDITOR));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = CatalogFixtures.properties("catalog_spawner_edits", NAMESPACE);
        properties.put("catalog.resync-period", "1h");
        return properties;
    }

    @Test
    void anImageAddedByHandBecomesACatalogImageAddedByTheEditor() throws ApiException {
        String added = "ghcr.io/example/jupyter-extra:v1";
        editJupyterGroup(group -> group.options().add(added));

        ImageEntry image = await().atMost(ADOPTED)
                .until(() -> jupyterImage(added), Optional::isPresent)
                .orElseThrow();

        assertThat(image.defaultImage()).isFalse();
        assertThat(catalog.history(image.id())).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ChangeAction.ADD);
            assertThat(new Actor(change.actor(), change.via())).isEqualTo(Actor.kubectl(EDITOR));
        });
        await().atMost(ADOPTED)
                .untilAsserted(() -> assertThat(jupyterGroup().options()).contains(added));
    }

    @Test
    void removingTheDefaultByHandIsPutBackWithAWarningSayingWhy() throws ApiException {
        await().atMost(ADOPTED).until(() -> configMap().isPresent());
        String theDefault = jupyterGroup().value();
        editJupyterGroup(group -> group.options().remove(theDefault));

        await().atMost(ADOPTED)
                .untilAsserted(() -> assertThat(jupyterGroup().options()).contains(theDefault));
        assertThat(jupyterImage(theDefault))
                .hasValueSatisfying(image -> assertThat(image.defaultImage()).isTrue());
        await().atMost(ADOPTED).untilAsserted(() -> assertThat(warnings())
                .anySatisfy(message -> assertThat(message).contains("put back", theDefault, "default")));
    }

    private record Group(String value, List<String> options) {}

    private interface GroupEdit {
        void apply(Group group);
    }

    @SuppressWarnings("unchecked")
    private void editJupyterGroup(GroupEdit edit) throws ApiException {
        await().atMost(ADOPTED).until(() -> configMap().isPresent());
        V1ConfigMap current = configMap().orElseThrow();
        Map<String, Object> document = new Yaml().load(current.getData().get(KEY));
        Map<String, Object> image =
                (Map<String, Object>) ((Map<String, Object>) document.get("spawnerFormDefaults")).get("image");
        Group group = new Group((String) image.get("value"), new ArrayList<>((List<String>) image.get("options")));
        edit.apply(group);
        image.put("options", group.options());
        JsonObject data = new JsonObject();
        data.addProperty(KEY, new Yaml().dump(document));
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", current.getMetadata().getResourceVersion());
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        patch.add("data", data);
        kubectl.mergePatch(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME, patch);
    }

    @SuppressWarnings("unchecked")
    private Group jupyterGroup() throws ApiException {
        Map<String, Object> document =
                new Yaml().load(configMap().orElseThrow().getData().get(KEY));
        Map<String, Object> image =
                (Map<String, Object>) ((Map<String, Object>) document.get("spawnerFormDefaults")).get("image");
        return new Group((String) image.get("value"), (List<String>) image.get("options"));
    }

    private Optional<ImageEntry> jupyterImage(String reference) {
        return catalog.list(ServerType.JUPYTER, null, true).stream()
                .filter(image -> image.reference().equals(reference))
                .findFirst();
    }

    private Optional<V1ConfigMap> configMap() throws ApiException {
        return kubectl.get(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME);
    }

    private List<String> warnings() throws ApiException {
        return new CoreV1Api(KubernetesFixture.shared().apiClient())
                .listNamespacedEvent(NAMESPACE).execute().getItems().stream()
                        .filter(event -> "Warning".equals(event.getType()))
                        .map(CoreV1Event::getMessage)
                        .toList();
    }
}
