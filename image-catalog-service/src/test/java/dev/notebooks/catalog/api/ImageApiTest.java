package dev.notebooks.catalog.api;

import static dev.notebooks.catalog.api.ApiTestProperties.ADMIN;
import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.catalog.CatalogFixtures;
import dev.notebooks.catalog.check.RegistryDouble;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog's REST API end to end, over HTTP, against real PostgreSQL and Kafka, with images checked against the
 * registry double: adding (checked, refused when failing unless overridden), editing, deprecating and removing, the
 * history and the catalog at a past time, and the answers to bad input.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    CatalogService catalog;

    private final RegistryDouble registry = RegistryDouble.start();
    private final String user = ApiTestProperties.user("reader");
    private TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        return ApiTestProperties.properties("catalog_api", registry);
    }

    @BeforeAll
    void serviceIsReady() {
        http = new TestHttp(client, jsonMapper);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(null, GET("/health/readiness")).status() == 200);
    }

    @AfterAll
    void stopRegistry() {
        registry.close();
    }

    @Test
    void anyUserReadsTheSeededCatalogWithOneDefaultPerServerType() {
        TestHttp.Reply reply = http.as(user, GET("/api/images"));

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> defaults = reply.items().stream()
                .filter(image -> Boolean.TRUE.equals(image.get("defaultImage")))
                .toList();
        assertThat(defaults)
                .extracting(image -> image.get("serverType"))
                .containsExactlyInAnyOrder("jupyter", "vscode", "rstudio");
        assertThat(reply.items()).noneMatch(image -> Boolean.TRUE.equals(image.get("deprecated")));
    }

    @Test
    void addingAnImageChecksItAndStoresTheResult() {
        String reference = newImage(RegistryDouble.COMPLIANT);

        TestHttp.Reply added = http.as(ADMIN, POST("/api/images", image(reference, "vscode")));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json())
                .containsEntry("reference", reference)
                .containsEntry("serverType", "vscode")
                .containsEntry("addedBy", ADMIN)
                .containsEntry("checkOverridden", false);
        assertThat(check(added)).containsEntry("status", "pass").containsEntry("platform", "linux/amd64");
        TestHttp.Reply read = http.as(user, GET("/api/images/" + added.json().get("id")));
        assertThat(read.json()).isEqualTo(added.json());
    }

    @Test
    void anImageThatFailsTheCheckIsRefusedNamingTheFailedRequirement() {
        String reference = newImage(RegistryDouble.ROOT);

        TestHttp.Reply refused = http.as(ADMIN, POST("/api/images", image(reference, "jupyter")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.violations()).singleElement().satisfies(violation -> {
            assertThat(violation).containsEntry("field", "image");
            assertThat((String) violation.get("message"))
                    .contains("user-jovyan")
                    .contains("overrideCheck");
        });
        assertThat(referencesIn(http.as(user, GET("/api/images?includeDeprecated=true"))))
                .doesNotContain(reference);
    }

    @Test
    void anImageThatFailsTheCheckIsAddedWithAnOverrideThatIsAudited() {
        String reference = newImage(RegistryDouble.NO_PORT);
        Map<String, Object> body = image(reference, "vscode");
        body.put("overrideCheck", true);

        TestHttp.Reply added = http.as(ADMIN, POST("/api/images", body));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json()).containsEntry("checkOverridden", true);
        assertThat(check(added)).containsEntry("status", "fail");
        TestHttp.Reply audit = http.as(
                ADMIN,
                GET("/api/audit?action=image.add&resourceKind=CatalogImage&name="
                        + added.json().get("id")));
        assertThat(audit.items()).singleElement().satisfies(record -> {
            assertThat(record).containsEntry("actor", ADMIN).containsEntry("outcome", "ALLOWED");
            assertThat((String) record.get("reason")).contains("overridden");
        });
    }

    @Test
    void anImageIsEditedDeprecatedAndRemovedWithEveryChangeInItsHistory() {
        String id = add(newImage(RegistryDouble.MULTI_ARCH), "jupyter");

        TestHttp.Reply edited =
                http.as(ADMIN, PATCH("/api/images/" + id, Map.of("displayName", "Renamed", "tags", List.of("gpu"))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json()).containsEntry("displayName", "Renamed").containsEntry("tags", List.of("gpu"));

        TestHttp.Reply deprecated = http.as(ADMIN, PATCH("/api/images/" + id, Map.of("deprecated", true)));
        assertThat(deprecated.json()).containsEntry("deprecated", true);
        assertThat(idsIn(http.as(user, GET("/api/images?serverType=jupyter")))).doesNotContain(id);
        assertThat(idsIn(http.as(user, GET("/api/images?serverType=jupyter&includeDeprecated=true"))))
                .contains(id);

        assertThat(http.as(ADMIN, DELETE("/api/images/" + id)).status()).isEqualTo(204);
        assertThat(http.as(user, GET("/api/images/" + id)).status()).isEqualTo(404);

        TestHttp.Reply history = http.as(user, GET("/api/images/" + id + "/history"));
        assertThat(history.items())
                .extracting(change -> change.get("action"))
                .containsExactly("add", "edit", "deprecate", "remove");
        Map<String, Object> edit = history.items().get(1);
        assertThat(edit).containsEntry("actor", ADMIN);
        assertThat(map(edit.get("before"))).containsEntry("displayName", "Test image");
        assertThat(map(edit.get("after"))).containsEntry("displayName", "Renamed");
        assertThat(history.items().get(3).get("after")).isNull();
    }

    @Test
    void theCatalogReadsBackAsItWasAtAPastTime() {
        Instant before = Instant.now();
        String id = add(newImage(RegistryDouble.COMPLIANT), "rstudio");
        Instant added = Instant.now();
        http.as(ADMIN, DELETE("/api/images/" + id));

        assertThat(idsIn(http.as(user, GET("/api/catalog?at=" + before)))).doesNotContain(id);
        assertThat(idsIn(http.as(user, GET("/api/catalog?at=" + added)))).contains(id);
        assertThat(idsIn(http.as(user, GET("/api/catalog")))).doesNotContain(id);
        assertThat(http.as(user, GET("/api/catalog/history?since=" + before)).items())
                .filteredOn(change -> id.equals(change.get("imageId")))
                .extracting(change -> change.get("action"))
                .containsExactly("add", "remove");
    }

    @Test
    void aNewDefaultShowsInTheSpawnerConfig() {
        String reference = newImage(RegistryDouble.COMPLIANT);
        Map<String, Object> secondDefault = image(reference, "rstudio");
        secondDefault.put("defaultImage", true);
        TestHttp.Reply refused = http.as(ADMIN, POST("/api/images", secondDefault));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.violations()).extracting(v -> v.get("field")).containsExactly("defaultImage");

        String id = add(reference, "rstudio");
        assertThat(http.as(ADMIN, PATCH("/api/images/" + id, Map.of("defaultImage", true)))
                        .status())
                .isEqualTo(200);

        TestHttp.Reply config = http.as(user, GET("/api/spawner-config"));

        assertThat(config.status()).isEqualTo(200);
        Map<String, Object> rstudio = map(config.json().get("imageGroupTwo"));
        assertThat(rstudio).containsEntry("value", reference);
        assertThat(config.json()).containsKeys("image", "imageGroupOne", "allowCustomImage", "hideRegistry", "hideTag");
    }

    @Test
    void anImageThatNotebooksRunIsRemovedOnlyWhenForced() {
        String reference = newImage(RegistryDouble.COMPLIANT);
        String id = add(reference, "jupyter");
        String namespace = CatalogFixtures.uniqueName("team");
        try (EventTopicWriter notebooks = new EventTopicWriter(Topics.NOTEBOOKS)) {
            notebooks.publish(PlatformEvent.of(
                    "notebook-service",
                    Subjects.namespaced(namespace, "nb"),
                    new NotebookCreated(
                            Actor.api(user),
                            namespace,
                            "nb",
                            reference,
                            ServerType.JUPYTER,
                            new NotebookResources("500m", "1Gi", "600m", "1.2Gi", null),
                            List.of("nb-workspace"))));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.notebooksUsing(UUID.fromString(id)) == 1);
        TestHttp.Reply inUse = http.as(ADMIN, DELETE("/api/images/" + id));
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.contentType()).isEqualTo("application/problem+json");
        assertThat((String) inUse.violations().get(0).get("message")).contains("1 notebook(s)");

        assertThat(http.as(ADMIN, DELETE("/api/images/" + id + "?force=true")).status())
                .isEqualTo(204);
        assertThat(http.as(user, GET("/api/images/" + id)).status()).isEqualTo(404);
    }

    @Test
    void imagesAreFilteredByServerTypeAndTag() {
        String id = add(newImage(RegistryDouble.COMPLIANT), "vscode");

        List<Map<String, Object>> tagged =
                http.as(user, GET("/api/images?tag=test-only")).items();
        List<Map<String, Object>> vscode =
                http.as(user, GET("/api/images?serverType=vscode")).items();

        assertThat(tagged).extracting(image -> image.get("id")).contains(id);
        assertThat(tagged)
                .allSatisfy(image -> assertThat(image.get("tags")).asList().contains("test-only"));
        assertThat(vscode).extracting(image -> image.get("serverType")).containsOnly("vscode");
    }

    @Test
    void theOldFieldNameReferenceIsStillReadAsImage() {
        String reference = newImage(RegistryDouble.COMPLIANT);
        Map<String, Object> body = image(reference, "vscode");
        body.put("reference", body.remove("image"));

        TestHttp.Reply added = http.as(ADMIN, POST("/api/images", body));

        assertThat(added.status()).as(String.valueOf(added.json())).isEqualTo(201);
        assertThat(added.json()).containsEntry("reference", reference);
    }

    @Test
    void aUserWhoIsNotAnAdminGets403WhateverTheBody() {
        String id = (String) http.as(user, GET("/api/images")).items().get(0).get("id");
        Map<String, Object> malformed = Map.of("image", "Not A Reference!", "colour", "red");

        assertThat(http.as(user, POST("/api/images", malformed)).status()).isEqualTo(403);
        assertThat(http.as(user, PATCH("/api/images/" + id, malformed)).status())
                .isEqualTo(403);
        assertThat(http.as(user, PATCH("/api/images/not-an-id", malformed)).status())
                .isEqualTo(403);
    }

    @Test
    void badInputIsAnsweredWithEveryFieldAtFault() {
        Map<String, Object> body = new HashMap<>();
        body.put("image", "Not A Reference!");
        body.put("serverType", "emacs");
        body.put("displayName", " ");
        body.put("colour", "blue");

        TestHttp.Reply reply = http.as(ADMIN, POST("/api/images", body));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.violations())
                .extracting(violation -> violation.get("field"))
                .containsExactlyInAnyOrder("image", "serverType", "displayName", "colour");
    }

    @Test
    void aDuplicateImageIsAConflictNamingTheReference() {
        String reference = newImage(RegistryDouble.COMPLIANT);
        add(reference, "jupyter");

        TestHttp.Reply reply = http.as(ADMIN, POST("/api/images", image(reference, "jupyter")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.violations())
                .extracting(violation -> violation.get("field"))
                .containsExactly("image");
    }

    @Test
    void theDefaultCannotBeUnsetOrDeprecated() {
        String defaultJupyter = http.as(user, GET("/api/images?serverType=jupyter")).items().stream()
                .filter(image -> Boolean.TRUE.equals(image.get("defaultImage")))
                .map(image -> (String) image.get("id"))
                .findFirst()
                .orElseThrow();

        TestHttp.Reply unset = http.as(ADMIN, PATCH("/api/images/" + defaultJupyter, Map.of("defaultImage", false)));
        TestHttp.Reply deprecate = http.as(ADMIN, PATCH("/api/images/" + defaultJupyter, Map.of("deprecated", true)));

        assertThat(unset.status()).isEqualTo(422);
        assertThat(unset.violations()).extracting(v -> v.get("field")).containsExactly("defaultImage");
        assertThat(deprecate.status()).isEqualTo(409);
        assertThat(deprecate.violations()).extracting(v -> v.get("field")).containsExactly("deprecated");
    }

    @Test
    void unknownFieldsBadQueriesAndUnknownImagesAreNamed() {
        String id = add(newImage(RegistryDouble.COMPLIANT), "jupyter");

        TestHttp.Reply unknownField = http.as(ADMIN, PATCH("/api/images/" + id, Map.of("reference", "other:v1")));
        TestHttp.Reply badServerType = http.as(user, GET("/api/images?serverType=emacs"));
        TestHttp.Reply badTime = http.as(user, GET("/api/catalog?at=yesterday"));
        TestHttp.Reply missing = http.as(user, GET("/api/images/" + UUID.randomUUID()));
        TestHttp.Reply notAnId = http.as(user, GET("/api/images/not-an-id"));

        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.violations()).extracting(v -> v.get("field")).containsExactly("reference");
        assertThat(badServerType.status()).isEqualTo(422);
        assertThat(badServerType.violations()).extracting(v -> v.get("field")).containsExactly("serverType");
        assertThat(badTime.status()).isEqualTo(422);
        assertThat(badTime.violations()).extracting(v -> v.get("field")).containsExactly("at");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        assertThat(notAnId.status()).isEqualTo(404);
    }

    @Test
    void anyUserChecksAnImageAndSeesEachRequirement() {
        TestHttp.Reply compliant =
                http.as(user, POST("/api/images/check", Map.of("image", registry.image(RegistryDouble.COMPLIANT))));
        TestHttp.Reply root =
                http.as(user, POST("/api/images/check", Map.of("image", registry.image(RegistryDouble.ROOT))));
        TestHttp.Reply noPort =
                http.as(user, POST("/api/images/check", Map.of("image", registry.image(RegistryDouble.NO_PORT))));
        TestHttp.Reply multiArch =
                http.as(user, POST("/api/images/check", Map.of("image", registry.image(RegistryDouble.MULTI_ARCH))));
        TestHttp.Reply missing =
                http.as(user, POST("/api/images/check", Map.of("image", registry.image(RegistryDouble.MISSING))));

        assertThat(compliant.json()).containsEntry("status", "pass");
        assertThat(requirement(compliant, "nb-prefix")).containsEntry("status", "unknown");
        assertThat(requirement(root, "user-jovyan")).containsEntry("status", "fail");
        assertThat(requirement(noPort, "port-8888")).containsEntry("status", "fail");
        assertThat(multiArch.json())
                .containsEntry("status", "pass")
                .containsEntry("digest", registry.multiArchAmd64Digest());
        assertThat(missing.json()).containsEntry("status", "unknown");
        assertThat((String) missing.json().get("reason")).contains("MANIFEST_UNKNOWN");
    }

    @Test
    void aCheckNeedsAWellFormedImageFromAnAllowedRegistry() {
        TestHttp.Reply malformed = http.as(user, POST("/api/images/check", Map.of("image", "UPPER CASE")));
        TestHttp.Reply unknownField = http.as(user, POST("/api/images/check", Map.of("image", "x:1", "pull", true)));
        TestHttp.Reply elsewhere =
                http.as(user, POST("/api/images/check", Map.of("image", "quay.io/someone/jupyter:1")));

        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.violations()).extracting(v -> v.get("field")).containsExactly("image");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.violations()).extracting(v -> v.get("field")).containsExactly("pull");
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.violations()).extracting(v -> v.get("field")).containsExactly("image");
    }

    private String newImage(String source) {
        String tag = source.substring(source.lastIndexOf(':') + 1);
        return registry.copy(source, "team-" + UUID.randomUUID().toString().substring(0, 8) + "/image:" + tag);
    }

    private String add(String reference, String serverType) {
        TestHttp.Reply added = http.as(ADMIN, POST("/api/images", image(reference, serverType)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return (String) added.json().get("id");
    }

    private static Map<String, Object> image(String reference, String serverType) {
        Map<String, Object> body = new HashMap<>();
        body.put("image", reference);
        body.put("serverType", serverType);
        body.put("displayName", "Test image");
        body.put("description", "added by a test");
        body.put("tags", List.of("cpu", "test-only"));
        return body;
    }

    private static Map<String, Object> check(TestHttp.Reply reply) {
        return map(reply.json().get("check"));
    }

    private static Map<String, Object> requirement(TestHttp.Reply check, String name) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requirements =
                (List<Map<String, Object>>) check.json().get("requirements");
        return requirements.stream()
                .filter(requirement -> name.equals(requirement.get("requirement")))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Object> idsIn(TestHttp.Reply reply) {
        return reply.items().stream().map(image -> image.get("id")).toList();
    }

    private static List<Object> referencesIn(TestHttp.Reply reply) {
        return reply.items().stream().map(image -> image.get("reference")).toList();
    }
}
