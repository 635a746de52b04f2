package dev.notebooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.notebooks.catalog.domain.ChangeAction;
import dev.notebooks.catalog.domain.ImageEdit;
import dev.notebooks.catalog.domain.ImageEntry;
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
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/** A fresh database (the seed only) and its spawner ConfigMap; the tests run in order, each from the last's state. */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpawnerConfigMapTest implements TestPropertyProvider {

    private static final String NAMESPACE = CatalogFixtures.uniqueName("kubeflow");
    private static final String NAME = "jupyter-web-app-config";
    private static final String KEY = "spawner_ui_config.yaml";
    private static final String KUBEFLOW = "ghcr.io/kubeflow/kubeflow/notebook-servers/";
    private static final String KALE_TAG = ":release-1.5-l0-release-1.5-rc4-4-gbc3c6f09d";
    private static final Actor ADMIN = Actor.api("admin@example.com");

    /** What the ConfigMap holds for the seed, exactly. */
    private static final String SEED_YAML =
            """
            spawnerFormDefaults:
              allowCustomImage: true
              hideRegistry: true
              hideTag: false
              image:
                value: ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0
                options:
                - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0
                - gcr.io/arrikto/jupyter-kale-py38:release-1.5-l0-release-1.5-rc4-4-gbc3c6f09d
                - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-cuda-full:v1.10.0
                - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0
                - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-cuda-full:v1.10.0
                - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-tensorflow-full:v1.10.0
                - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter:v1.10.0
              imageGroupOne:
                value: ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0
                options:
                - ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0
                - gcr.io/arrikto/vscode-kale-py38:release-1.5-l0-release-1.5-rc4-4-gbc3c6f09d
                - ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver:v1.10.0
              imageGroupTwo:
                value: ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:v1.10.0
                options:
                - ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:v1.10.0
                - ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio:v1.10.0
            """;

    /** An administrator's file as Kubeflow ships it (abridged), with an older image list. */
    private static final String HAND_EDITED_YAML =
            """
            # Configuration file for the Kubeflow Notebooks UI.
            spawnerFormDefaults:
              allowCustomImage: false
              hideRegistry: true
              hideTag: false
              imagePullPolicy:
                readOnly: false
                value: IfNotPresent
              image:
                value: kubeflownotebookswg/jupyter-scipy:v1.8.0
                options:
                - kubeflownotebookswg/jupyter-scipy:v1.8.0
              imageGroupOne:
                value: kubeflownotebookswg/codeserver-python:v1.8.0
                options:
                - kubeflownotebookswg/codeserver-python:v1.8.0
              imageGroupTwo:
                readOnly: false
                value: kubeflownotebookswg/rstudio-tidyverse:v1.8.0
                options:
                - kubeflownotebookswg/rstudio-tidyverse:v1.8.0
              cpu:
                readOnly: false
                value: '0.5'
                limitFactor: '1.2'
            """;

    @Inject
    CatalogService catalog;

    // the test's own writes and reads go through a test client (not recorded as the service), signed as the service
    private final ResourceClient kubernetes =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("image-catalog-service"));

    @Inject
    AuditLog auditLog;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = CatalogFixtures.properties("catalog_spawner", NAMESPACE);
        properties.put("catalog.resync-period", "3s");
        // this class pins the publisher putting hand edits back; SpawnerConfigMapEditsTest the default, adopting them
        properties.put("catalog.configmap-edits", "revert");
        return properties;
    }

    @Test
    void theSeedIsKubeflowsExampleImagesWithKubeflowsDefaults() {
        List<ImageEntry> seed = catalog.list(null, null, true);

        assertThat(seed)
                .extracting(ImageEntry::reference)
                .containsExactlyInAnyOrder(
                        KUBEFLOW + "jupyter-scipy:v1.10.0",
                        KUBEFLOW + "jupyter-pytorch-full:v1.10.0",
                        KUBEFLOW + "jupyter-pytorch-cuda-full:v1.10.0",
                        KUBEFLOW + "jupyter-tensorflow-full:v1.10.0",
                        KUBEFLOW + "jupyter-tensorflow-cuda-full:v1.10.0",
                        KUBEFLOW + "jupyter:v1.10.0",
                        KUBEFLOW + "base:v1.10.0",
                        KUBEFLOW + "codeserver-python:v1.10.0",
                        KUBEFLOW + "codeserver:v1.10.0",
                        KUBEFLOW + "rstudio-tidyverse:v1.10.0",
                        KUBEFLOW + "rstudio:v1.10.0",
                        "gcr.io/arrikto/jupyter-kale-py38" + KALE_TAG,
                        "gcr.io/arrikto/vscode-kale-py38" + KALE_TAG);
        assertThat(seed)
                .filteredOn(ImageEntry::defaultImage)
                .extracting(ImageEntry::reference)
                .containsExactlyInAnyOrder(
                        KUBEFLOW + "jupyter-scipy:v1.10.0",
                        KUBEFLOW + "codeserver-python:v1.10.0",
                        KUBEFLOW + "rstudio-tidyverse:v1.10.0");
        List<UUID> seedIds = seed.stream().map(ImageEntry::id).toList();
        assertThat(catalog.history(null, null))
                .filteredOn(change -> change.actor().equals("image-catalog-service"))
                .hasSize(seed.size())
                .allSatisfy(change -> {
                    assertThat(seedIds).contains(change.imageId());
                    assertThat(change.action()).isEqualTo(ChangeAction.ADD);
                });
        assertThat(catalog.catalogAt(Instant.now())).containsExactlyInAnyOrderElementsOf(seed);
    }

    @Test
    void theSpawnerConfigMapCarriesTheCatalogInKubeflowsShape() throws ApiException {
        // a ConfigMap made afresh, whatever another test did to the one there
        await().atMost(Duration.ofSeconds(10)).until(() -> configMap().isPresent());
        kubernetes.delete(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME);
        await().atMost(Duration.ofSeconds(10)).until(() -> configMap().isPresent());

        assertThat(spawnerYaml()).isEqualTo(SEED_YAML);
    }

    @Test
    void nothingIsWrittenWhileNothingChanges() throws ApiException {
        await().atMost(Duration.ofSeconds(10)).until(() -> configMap().isPresent());
        String version = configMap().orElseThrow().getMetadata().getResourceVersion();

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(19)).until(() -> configMap()
                .orElseThrow()
                .getMetadata()
                .getResourceVersion()
                .equals(version));
    }

    @Test
    void aCatalogChangeIsInTheConfigMapWithinASecond() {
        ImageEntry added = catalog.edit(
                catalog.add(
                                new NewImage(
                                        "ghcr.io/example/rstudio:4.4",
                                        ServerType.RSTUDIO,
                                        "R 4.4",
                                        null,
                                        null,
                                        false,
                                        null,
                                        false),
                                ADMIN)
                        .id(),
                new ImageEdit(null, null, null, true, null),
                ADMIN);

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(imageGroup("imageGroupTwo"))
                .containsEntry("value", added.reference())
                .containsEntry(
                        "options",
                        List.of(
                                added.reference(),
                                KUBEFLOW + "rstudio-tidyverse:v1.10.0",
                                KUBEFLOW + "rstudio:v1.10.0")));

        catalog.edit(added.id(), new ImageEdit(null, null, null, null, null), ADMIN);
        ImageEntry tidyverse =
                catalog.list(ServerType.RSTUDIO, "tidyverse", false).get(0);
        catalog.edit(tidyverse.id(), new ImageEdit(null, null, null, true, null), ADMIN);
        catalog.remove(added.id(), ADMIN, false);

        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(catalogPart(spawnerYaml())).isEqualTo(catalogPart(SEED_YAML)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageFactsBesideTheYamlCarryDeprecatedImagesAndFailedChecksForNotebookService() throws ApiException {
        String failing = "ghcr.io/example/facts-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        String check =
                """
                {"image": "%s", "status": "fail", "requirements": [
                  {"requirement": "port-8888", "status": "pass", "reason": "exposes 8888/tcp"},
                  {"requirement": "user-1000", "status": "fail", "reason": "runs as root"}]}
                """
                        .formatted(failing);
        ImageEntry added =
                catalog.add(new NewImage(failing, ServerType.JUPYTER, "Fails", null, null, false, check, true), ADMIN);
        catalog.edit(added.id(), new ImageEdit(null, null, null, null, true), ADMIN);

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Object> facts =
                    new Yaml().load(configMap().orElseThrow().getData().get("image_catalog.json"));
            List<Map<String, Object>> images = (List<Map<String, Object>>) facts.get("images");
            assertThat(images)
                    .filteredOn(image -> failing.equals(image.get("image")))
                    .singleElement()
                    .satisfies(image -> assertThat(image)
                            .containsEntry("serverType", "jupyter")
                            .containsEntry("deprecated", true)
                            .containsEntry("check", "fail")
                            .containsEntry("failed", List.of("user-1000"))
                            .containsEntry("checkOverridden", true));
            assertThat(images)
                    .filteredOn(image -> (KUBEFLOW + "rstudio:v1.10.0").equals(image.get("image")))
                    .singleElement()
                    .satisfies(image ->
                            assertThat(image).containsEntry("deprecated", false).containsEntry("check", "unchecked"));
        });
        // deprecated, so not offered: the spawner's part stays the seed's
        assertThat(catalogPart(spawnerYaml())).isEqualTo(catalogPart(SEED_YAML));
        catalog.remove(added.id(), ADMIN, false);
    }

    @Test
    void aHandEditIsPutBackKeepingTheAdministratorsOtherKeysAndAudited() throws ApiException {
        // the publisher's ConfigMap first: the test API server would make one from the patch itself
        await().atMost(Duration.ofSeconds(10)).until(() -> configMap().isPresent());
        Instant edited = Instant.now();
        JsonObject data = new JsonObject();
        data.addProperty(KEY, HAND_EDITED_YAML);
        JsonObject patch = new JsonObject();
        patch.add("data", data);
        kubernetes.mergePatch(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME, patch);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(imageGroup("image"))
                .containsEntry("value", KUBEFLOW + "jupyter-scipy:v1.10.0"));

        Map<String, Object> defaults = formDefaults();
        assertThat(defaults).containsEntry("allowCustomImage", true);
        assertThat(defaults)
                .containsEntry("imagePullPolicy", Map.of("readOnly", false, "value", "IfNotPresent"))
                .containsEntry("cpu", Map.of("readOnly", false, "value", "0.5", "limitFactor", "1.2"));
        assertThat(imageGroup("imageGroupTwo")).containsEntry("readOnly", false);
        assertThat(catalog.spawnerConfig().asMap())
                .isEqualTo(Map.of(
                        "allowCustomImage", defaults.get("allowCustomImage"),
                        "hideRegistry", defaults.get("hideRegistry"),
                        "hideTag", defaults.get("hideTag"),
                        "image", defaults.get("image"),
                        "imageGroupOne", defaults.get("imageGroupOne"),
                        "imageGroupTwo",
                                Map.of(
                                        "value", imageGroup("imageGroupTwo").get("value"),
                                        "options", imageGroup("imageGroupTwo").get("options"))));
        // the audit record follows the write that put the ConfigMap back
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(auditLog.find(AuditQuery.newestFirst()
                                .withResource("ConfigMap", NAMESPACE, NAME)
                                .withAction("spawner-config.drift-corrected"))
                        .items())
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.time()).isAfter(edited);
                    assertThat(record.before()).contains("kubeflownotebookswg/jupyter-scipy:v1.8.0");
                    assertThat(record.after()).contains(KUBEFLOW + "jupyter-scipy:v1.10.0");
                }));
    }

    /** The catalog's keys of a spawner YAML, whatever else an administrator keeps in it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> catalogPart(String yaml) {
        Map<String, Object> defaults =
                (Map<String, Object>) ((Map<String, Object>) new Yaml().load(yaml)).get("spawnerFormDefaults");
        Map<String, Object> part = new LinkedHashMap<>();
        for (String key : List.of("allowCustomImage", "hideRegistry", "hideTag")) {
            part.put(key, defaults.get(key));
        }
        for (String group : List.of("image", "imageGroupOne", "imageGroupTwo")) {
            Map<String, Object> found = (Map<String, Object>) defaults.get(group);
            part.put(group, List.of(found.get("value"), found.get("options")));
        }
        return part;
    }

    private Optional<V1ConfigMap> configMap() throws ApiException {
        return kubernetes.get(ResourceTypes.CONFIG_MAP, NAMESPACE, NAME);
    }

    private String spawnerYaml() throws ApiException {
        return configMap().orElseThrow().getData().get(KEY);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> formDefaults() throws ApiException {
        Map<String, Object> document = new Yaml().load(spawnerYaml());
        return (Map<String, Object>) document.get("spawnerFormDefaults");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> imageGroup(String group) throws ApiException {
        return (Map<String, Object>) formDefaults().get(group);
    }
}
