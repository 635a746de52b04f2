package dev.notebooks.profile.api;

import static dev.notebooks.profile.api.ApiTestProperties.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.profile.ProfileServiceFixtures;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The KFAM API as Kubeflow's central dashboard calls it ({@code app/api_workgroup.ts}), with the very JSON it sends
 * and reads.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KfamApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    ProfileRoles profileRoles;

    private final Cluster cluster = new Cluster();
    private TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        return ApiTestProperties.properties();
    }

    @BeforeAll
    void serviceIsReady() {
        http = new TestHttp(client, jsonMapper);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(null, HttpRequest.GET("/health/readiness")).status() == 200);
    }

    @Test
    void theDashboardsRegistrationCreatesAProfile() {
        String wendy = ApiTestProperties.user("wendy");
        String name = ProfileServiceFixtures.uniqueName("wendy");

        TestHttp.Reply reply = http.as(
                wendy,
                HttpRequest.POST(
                        "/kfam/v1/profiles",
                        Map.of(
                                "metadata", Map.of("name", name),
                                "spec", Map.of("owner", Map.of("kind", "User", "name", wendy)))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(cluster.requireProfile(name).ownerName()).isEqualTo(wendy);
    }

    @Test
    void aProfileForSomeoneElseNeedsAnAdmin() {
        String name = ProfileServiceFixtures.uniqueName("xavier");
        Map<String, Object> profile = Map.of(
                "metadata", Map.of("name", name),
                "spec", Map.of("owner", Map.of("kind", "User", "name", ApiTestProperties.user("xavier"))));

        assertThat(http.as(ApiTestProperties.user("yusuf"), HttpRequest.POST("/kfam/v1/profiles", profile))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(ADMIN, HttpRequest.POST("/kfam/v1/profiles", profile))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aProfileWithAnInvalidNameIsUnprocessable() {
        TestHttp.Reply reply = http.as(
                ApiTestProperties.user("zoe"),
                HttpRequest.POST("/kfam/v1/profiles", Map.of("metadata", Map.of("name", "Zoe's"))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.violations()).extracting(v -> v.get("field")).containsExactly("metadata.name");
    }

    @Test
    void bindingsAreReadInKfamsShapeOwnersIncluded() {
        World world = World.create(cluster, profileRoles);

        TestHttp.Reply reply =
                http.as(world.owner(), HttpRequest.GET("/kfam/v1/bindings?namespace=" + world.profile()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(bindings(reply))
                .containsExactlyInAnyOrder(
                        kfamBinding(world.owner(), world.profile(), "admin"),
                        kfamBinding(world.editor(), world.profile(), "edit"),
                        kfamBinding(world.viewer(), world.profile(), "view"));
    }

    @Test
    void aUsersBindingsTellTheDashboardWhichNamespacesTheyHave() {
        World world = World.create(cluster, profileRoles);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        bindings(http.as(world.editor(), HttpRequest.GET("/kfam/v1/bindings?user=" + world.editor()))))
                .containsExactly(kfamBinding(world.editor(), world.profile(), "edit")));
        assertThat(bindings(http.as(world.stranger(), HttpRequest.GET("/kfam/v1/bindings?user=" + world.editor()))))
                .as("bindings in profiles the caller cannot reach")
                .isEmpty();
    }

    @Test
    void theDashboardAddsAndRemovesAContributor() {
        World world = World.create(cluster, profileRoles);
        String amir = ApiTestProperties.user("amir");
        Map<String, Object> binding = Map.of(
                "user", Map.of("kind", "User", "name", amir),
                "referredNamespace", world.profile(),
                "RoleRef", Map.of("kind", "ClusterRole", "name", "edit"));

        TestHttp.Reply added = http.as(world.owner(), HttpRequest.POST("/kfam/v1/bindings", binding));

        assertThat(added.status()).isEqualTo(200);
        assertThat(bindings(http.as(
                        world.owner(),
                        HttpRequest.GET("/kfam/v1/bindings?namespace=" + world.profile() + "&role=edit"))))
                .contains(kfamBinding(amir, world.profile(), "edit"));

        TestHttp.Reply removed = http.as(world.owner(), HttpRequest.DELETE("/kfam/v1/bindings", binding));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(bindings(http.as(world.owner(), HttpRequest.GET("/kfam/v1/bindings?namespace=" + world.profile()))))
                .doesNotContain(kfamBinding(amir, world.profile(), "edit"));
    }

    @Test
    void onlyConfiguredAdminsAreClusterAdmins() {
        String caller = ApiTestProperties.user("bea");

        assertThat(http.as(caller, HttpRequest.GET("/kfam/v1/role/clusteradmin?user=" + ADMIN))
                        .body())
                .isEqualTo(true);
        assertThat(http.as(caller, HttpRequest.GET("/kfam/v1/role/clusteradmin?user=" + caller))
                        .body())
                .isEqualTo(false);
    }

    @Test
    void theOwnerDeletesTheirProfile() {
        World world = World.create(cluster, profileRoles);

        assertThat(http.as(world.editor(), HttpRequest.DELETE("/kfam/v1/profiles/" + world.profile()))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(world.owner(), HttpRequest.DELETE("/kfam/v1/profiles/" + world.profile()))
                        .status())
                .isEqualTo(200);
        await().atMost(Cluster.RECONCILED)
                .until(() -> cluster.profile(world.profile()).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bindings(TestHttp.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.json().getOrDefault("bindings", List.of());
    }

    private static Map<String, Object> kfamBinding(String user, String namespace, String role) {
        return Map.of(
                "user", Map.of("kind", "User", "name", user),
                "referredNamespace", namespace,
                "RoleRef", Map.of("kind", "ClusterRole", "name", role));
    }
}
