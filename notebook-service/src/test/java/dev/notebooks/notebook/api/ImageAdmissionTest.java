package dev.notebooks.notebook.api;

import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.JwaForms;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.Profiles;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookResources;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Images held against the catalog through the API, with the spawner ConfigMap as image-catalog-service publishes it
 * (the spawner YAML and {@code image_catalog.json} beside it): deprecated images and another server type's images are
 * refused, custom images only when allowed and from an allowed registry, a known check failure only with an admin's
 * override, and the check is shown in the config and the list.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageAdmissionTest implements TestPropertyProvider {

    static final String SPAWNER_NAMESPACE = NotebookServiceFixtures.uniqueName("kubeflow");
    static final Duration SEEN = Duration.ofSeconds(60);
    static final String REGISTRY = "ghcr.io/kubeflow/kubeflow/notebook-servers/";
    static final String SCIPY = REGISTRY + "jupyter-scipy:v1.10.0";
    static final String OLD_SCIPY = REGISTRY + "jupyter-scipy:v1.8.0";
    static final String CODESERVER = REGISTRY + "codeserver-python:v1.10.0";
    static final String ROOT_IMAGE = "ghcr.io/example/runs-as-root:1";
    static final String ACCEPTED_ROOT_IMAGE = "ghcr.io/example/root-but-accepted:1";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ProfileRoles roles;

    @Inject
    ResourceClient kube;

    @Inject
    AuditLog auditLog;

    TestHttp http;
    Profiles world;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("platform.security.cluster-admins", Profiles.ADMIN)
                .with("notebooks.spawner.namespace", SPAWNER_NAMESPACE)
                .build();
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(client, json);
        world = Profiles.create(roles);
        publishCatalog(true, List.of("ghcr.io"));
        await().atMost(SEEN)
                .until(() -> http.as(world.viewer(), GET(world.notebooks())).status() == 200);
    }

    /** The ConfigMap as image-catalog-service writes it: the offered images, and every image with its check. */
    static void publishCatalog(boolean allowCustomImage, List<String> allowedRegistries) {
        String yaml =
                """
                spawnerFormDefaults:
                  allowCustomImage: %s
                  image:
                    value: %s
                    options:
                    - %s
                    - %s
                    - %s
                  imageGroupOne:
                    value: %s
                    options:
                    - %s
                  cpu:
                    value: '0.5'
                    limitFactor: none
                """
                        .formatted(
                                allowCustomImage,
                                SCIPY,
                                SCIPY,
                                ROOT_IMAGE,
                                ACCEPTED_ROOT_IMAGE,
                                CODESERVER,
                                CODESERVER);
        String facts =
                """
                {"allowedRegistries": [%s],
                 "images": [
                  {"image": "%s", "serverType": "jupyter", "deprecated": false, "check": "pass", "failed": [],
                   "checkOverridden": false},
                  {"image": "%s", "serverType": "jupyter", "deprecated": true, "check": "unchecked", "failed": [],
                   "checkOverridden": false},
                  {"image": "%s", "serverType": "jupyter", "deprecated": false, "check": "fail",
                   "failed": ["user-1000"], "checkOverridden": false},
                  {"image": "%s", "serverType": "jupyter", "deprecated": false, "check": "fail",
                   "failed": ["user-1000"], "checkOverridden": true},
                  {"image": "%s", "serverType": "vscode", "deprecated": false, "check": "unchecked", "failed": [],
                   "checkOverridden": false}]}
                """
                        .formatted(
                                String.join(
                                        ", ",
                                        allowedRegistries.stream()
                                                .map(r -> "\"" + r + "\"")
                                                .toList()),
                                SCIPY,
                                OLD_SCIPY,
                                ROOT_IMAGE,
                                ACCEPTED_ROOT_IMAGE,
                                CODESERVER);
        Profiles.spawnerConfigMap(
                SPAWNER_NAMESPACE, Map.of("spawner_ui_config.yaml", yaml, "image_catalog.json", facts));
    }

    static Map<String, Object> form(String name, String field, String image) {
        Map<String, Object> form = JwaForms.form(name);
        form.remove("image");
        form.put(field, image);
        return form;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigShowsTheCatalogsCheckOfEachOfferedImage() {
        publishCatalog(true, List.of("ghcr.io"));
        TestHttp.Reply reply = http.as(world.viewer(), GET("/api/config"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, Object> checks =
                (Map<String, Object>) ((Map<String, Object>) reply.json().get("config")).get("imageChecks");
        assertThat((Map<String, Object>) checks.get(SCIPY)).containsEntry("status", "pass");
        assertThat((Map<String, Object>) checks.get(ROOT_IMAGE))
                .containsEntry("status", "fail")
                .containsEntry("failed", List.of("user-1000"))
                .containsEntry("overriddenBy", null);
        assertThat((Map<String, Object>) checks.get(ACCEPTED_ROOT_IMAGE)).containsEntry("overriddenBy", "catalog");
        assertThat(checks).as("a deprecated image is not offered").doesNotContainKey(OLD_SCIPY);
    }

    @Test
    void aDeprecatedImageIsRefusedNamingTheFieldAndNothingIsWritten() {
        publishCatalog(true, List.of("ghcr.io"));
        for (String field : List.of("image", "customImage")) {
            String name = NotebookServiceFixtures.uniqueName("old");
            TestHttp.Reply refused = http.as(world.editor(), POST(world.notebooks(), form(name, field, OLD_SCIPY)));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.violations())
                    .anyMatch(v -> field.equals(v.get("field"))
                            && String.valueOf(v.get("message")).contains("deprecated"));
            assertThat(refused.json()).containsEntry("success", false);
            assertThat(notebook(name)).isEmpty();
            assertThat(claim(name + "-workspace")).isEmpty();
        }
        // Docker's other spelling of the same reference is the same image
        String name = NotebookServiceFixtures.uniqueName("old");
        TestHttp.Reply refused = http.as(
                world.editor(), POST(world.notebooks(), form(name, "image", "GHCR.IO/" + OLD_SCIPY.substring(8))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    }

    @Test
    void anotherServerTypesCatalogImageIsRefused() {
        String name = NotebookServiceFixtures.uniqueName("mixed");
        TestHttp.Reply refused = http.as(world.editor(), POST(world.notebooks(), form(name, "image", CODESERVER)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.violations())
                .anyMatch(v -> "image".equals(v.get("field"))
                        && String.valueOf(v.get("message")).contains("vscode"));

        Map<String, Object> vscode = JwaForms.form(NotebookServiceFixtures.uniqueName("code"));
        vscode.remove("image");
        vscode.put("serverType", "group-one");
        TestHttp.Reply created = http.as(world.editor(), POST(world.notebooks(), vscode));
        assertThat(created.status())
                .as("without an image, VS Code gets the catalog's VS Code default: " + created)
                .isEqualTo(201);
        assertThat(notebook((String) vscode.get("name"))
                        .orElseThrow()
                        .serverContainer()
                        .orElseThrow()
                        .getImage())
                .isEqualTo(CODESERVER);
    }

    @Test
    void aCustomImageOnlyWhenTheSpawnerAllowsItAndFromAnAllowedRegistry() {
        publishCatalog(true, List.of("ghcr.io"));
        String allowed = NotebookServiceFixtures.uniqueName("custom");
        TestHttp.Reply created =
                http.as(world.editor(), POST(world.notebooks(), form(allowed, "customImage", "ghcr.io/team/lab:2")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String elsewhere = NotebookServiceFixtures.uniqueName("custom");
        TestHttp.Reply wrongRegistry = http.as(
                world.editor(), POST(world.notebooks(), form(elsewhere, "customImage", "docker.io/team/lab:2")));
        assertThat(wrongRegistry.status()).as(wrongRegistry.toString()).isEqualTo(422);
        assertThat(wrongRegistry.violations())
                .anyMatch(v -> "customImage".equals(v.get("field"))
                        && String.valueOf(v.get("message")).contains("docker.io"));
        assertThat(notebook(elsewhere)).isEmpty();

        // the admin turns custom images off: the next request knows, no restart
        publishCatalog(false, List.of());
        try {
            String off = NotebookServiceFixtures.uniqueName("custom");
            TestHttp.Reply refused =
                    http.as(world.editor(), POST(world.notebooks(), form(off, "customImage", "ghcr.io/team/lab:2")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.violations())
                    .anyMatch(v -> "customImage".equals(v.get("field"))
                            && String.valueOf(v.get("message")).contains("allowCustomImage"));
            assertThat(notebook(off)).isEmpty();
            assertThat(http.as(world.editor(), POST(world.notebooks(), form(off, "image", SCIPY)))
                            .status())
                    .as("a catalog image is still fine")
                    .isEqualTo(201);
        } finally {
            publishCatalog(true, List.of("ghcr.io"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKnownCheckFailureIsRefusedUnlessAClusterAdminOverridesIt() {
        publishCatalog(true, List.of("ghcr.io"));
        String name = NotebookServiceFixtures.uniqueName("root");
        TestHttp.Reply refused = http.as(world.owner(), POST(world.notebooks(), form(name, "image", ROOT_IMAGE)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.violations())
                .anyMatch(v -> "image".equals(v.get("field"))
                        && String.valueOf(v.get("message")).contains("user-1000")
                        && String.valueOf(v.get("message")).contains("overrideCheck"));

        Map<String, Object> overridden = form(name, "image", ROOT_IMAGE);
        overridden.put("overrideCheck", true);
        TestHttp.Reply notAdmin = http.as(world.owner(), POST(world.notebooks(), overridden));
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        assertThat(notebook(name)).isEmpty();
        assertThat(auditLog.find(AuditQuery.newestFirst()
                                .withActor(world.owner())
                                .withAction("notebook.override-image-check"))
                        .items())
                .isNotEmpty();

        TestHttp.Reply byAdmin = http.as(Profiles.ADMIN, POST(world.notebooks(), overridden));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(notebook(name).orElseThrow().annotation("notebooks.dev/image-check-overridden-by"))
                .contains(Profiles.ADMIN);
        Map<String, Object> check = await().atMost(SEEN).until(() -> imageCheck(name), it -> it != null);
        assertThat(check)
                .containsEntry("status", "fail")
                .containsEntry("source", "catalog")
                .containsEntry("failed", List.of("user-1000"))
                .containsEntry("overriddenBy", Profiles.ADMIN);

        // an admin's override when adding it to the catalog counts for everyone
        String accepted = NotebookServiceFixtures.uniqueName("root");
        assertThat(http.as(world.editor(), POST(world.notebooks(), form(accepted, "image", ACCEPTED_ROOT_IMAGE)))
                        .status())
                .isEqualTo(201);
        assertThat(await().atMost(SEEN).until(() -> imageCheck(accepted), it -> it != null))
                .containsEntry("overriddenBy", "catalog");
    }

    @Test
    void anEditKeepsAnImageThatWasDeprecatedSinceButCannotChooseOne() {
        String name = NotebookServiceFixtures.uniqueName("keep");
        // created while the image was still offered: the catalog without image_catalog.json knows only the options
        Profiles.spawnerConfig(
                SPAWNER_NAMESPACE,
                "spawnerFormDefaults:\n  image:\n    value: " + OLD_SCIPY + "\n    options:\n    - " + OLD_SCIPY
                        + "\n");
        try {
            assertThat(http.as(world.owner(), POST(world.notebooks(), form(name, "image", OLD_SCIPY)))
                            .status())
                    .isEqualTo(201);
        } finally {
            publishCatalog(true, List.of("ghcr.io"));
        }
        TestHttp.Reply resized = http.as(world.owner(), PATCH(world.notebook(name), Map.of("cpu", "0.6")));
        assertThat(resized.status())
                .as("its own image is not checked again: " + resized)
                .isEqualTo(200);

        String other = NotebookServiceFixtures.uniqueName("keep");
        assertThat(http.as(world.owner(), POST(world.notebooks(), form(other, "image", SCIPY)))
                        .status())
                .isEqualTo(201);
        TestHttp.Reply toDeprecated = http.as(world.owner(), PATCH(world.notebook(other), Map.of("image", OLD_SCIPY)));
        assertThat(toDeprecated.status()).as(toDeprecated.toString()).isEqualTo(422);
        assertThat(toDeprecated.violations()).anyMatch(v -> "image".equals(v.get("field")));
        assertThat(notebook(other).orElseThrow().serverContainer().orElseThrow().getImage())
                .isEqualTo(SCIPY);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> imageCheck(String name) {
        TestHttp.Reply list = http.as(world.viewer(), GET(world.notebooks()));
        if (list.status() != 200) {
            return null;
        }
        return ((List<Map<String, Object>>) list.json().get("notebooks"))
                .stream()
                        .filter(item -> name.equals(item.get("name")))
                        .findFirst()
                        .map(item -> (Map<String, Object>) item.get("imageCheck"))
                        .orElse(null);
    }

    private Optional<Notebook> notebook(String name) {
        try {
            return kube.get(NotebookResources.NOTEBOOKS, world.namespace(), name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<?> claim(String name) {
        try {
            return kube.get(ResourceTypes.PERSISTENT_VOLUME_CLAIM, world.namespace(), name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
