package dev.notebooks.profile.api;

import static dev.notebooks.profile.api.ApiTestProperties.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.service.ProfileProblems;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
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
 * Contributors end to end: the RoleBinding Kubeflow's KFAM would write, the role it gives, its audit record and its
 * event on Kafka (validated against the schema), all from one HTTP call.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContributorApiTest implements TestPropertyProvider {

    private static final Duration PUBLISHED = Duration.ofSeconds(10);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    AuditLog auditLog;

    @Inject
    ProfileRoles profileRoles;

    private final Cluster cluster = new Cluster();
    private final EventTopicReader topic = new EventTopicReader(Topics.PROFILES);
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
    void addingAContributorWritesKfamsRoleBindingAndGivesThemTheRole() {
        World world = World.create(cluster, profileRoles);
        String quinn = ApiTestProperties.user("quinn");

        TestHttp.Reply reply = http.as(world.owner(), addContributor(world, quinn, "edit"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json()).isEqualTo(Map.of("user", quinn, "role", "edit"));
        String bindingName = "user-" + quinn.replaceAll("[^a-zA-Z0-9]+", "-").toLowerCase() + "-clusterrole-edit";
        V1RoleBinding binding = cluster.roleBinding(world.profile(), bindingName)
                .orElseThrow(() -> new AssertionError("no binding " + bindingName));
        assertThat(binding.getMetadata().getAnnotations()).isEqualTo(Map.of("user", quinn, "role", "edit"));
        assertThat(binding.getRoleRef())
                .isEqualTo(new V1RoleRef()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole")
                        .name("kubeflow-edit"));
        assertThat(binding.getSubjects())
                .containsExactly(new RbacV1Subject()
                        .apiGroup("rbac.authorization.k8s.io")
                        .kind("User")
                        .name(quinn));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(http.as(quinn, HttpRequest.GET("/api/profiles/" + world.profile()))
                                .json())
                        .containsEntry("role", "edit"));
    }

    @Test
    void addingAContributorIsAuditedAndAnnouncedOnKafka() {
        World world = World.create(cluster, profileRoles);
        String rita = ApiTestProperties.user("rita");

        http.as(world.owner(), addContributor(world, rita, "view"));

        assertThat(auditLog.find(AuditQuery.newestFirst()
                                .withResource("Profile", null, world.profile())
                                .withAction("contributor.add"))
                        .items())
                .as("the world's own contributors were bound with kubectl and are audited as such")
                .filteredOn(record -> !"kubectl".equals(record.source()))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.outcome()).isEqualTo(Outcome.ALLOWED);
                    assertThat(record.actor()).isEqualTo(world.owner());
                    assertThat(record.after()).contains(rita, "view");
                });
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(contributorEvents(world.profile()))
                .filteredOn(event -> event.data().path("user").asText().equals(rita))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo("profile.contributor-added.v1");
                    assertThat(event.data().path("user").asText()).isEqualTo(rita);
                    assertThat(event.data().path("role").asText()).isEqualTo("view");
                    assertThat(event.data().path("actor").path("user").asText()).isEqualTo(world.owner());
                    assertThat(event.data().path("actor").path("via").asText()).isEqualTo("api");
                }));
    }

    @Test
    void everyoneOnTheProfileSeesItsContributors() {
        World world = World.create(cluster, profileRoles);

        TestHttp.Reply reply = http.as(world.viewer(), HttpRequest.GET(contributors(world)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list())
                .containsExactlyInAnyOrder(
                        Map.of("user", world.editor(), "role", "edit"), Map.of("user", world.viewer(), "role", "view"));
    }

    @Test
    void removingAContributorDeletesTheirBindingAndIsAnnounced() {
        World world = World.create(cluster, profileRoles);

        TestHttp.Reply reply = http.as(world.owner(), HttpRequest.DELETE(contributors(world) + "/" + world.editor()));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(cluster.roleBindingsIn(world.profile())).noneMatch(binding -> world.editor()
                .equals(binding.getMetadata().getAnnotations().get("user")));
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(contributorEvents(world.profile()))
                .filteredOn(event -> event.type().equals("profile.contributor-removed.v1"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.data().path("user").asText()).isEqualTo(world.editor());
                    assertThat(event.data().path("role").asText()).isEqualTo("edit");
                    assertThat(event.data().path("actor").path("user").asText()).isEqualTo(world.owner());
                    assertThat(event.data().path("actor").path("via").asText()).isEqualTo("api");
                }));
        assertThat(http.as(world.owner(), HttpRequest.DELETE(contributors(world) + "/" + world.editor()))
                        .status())
                .as("removing them again")
                .isEqualTo(404);
    }

    @Test
    void theSameContributorTwiceIsAConflict() {
        World world = World.create(cluster, profileRoles);

        TestHttp.Reply sameRole = http.as(world.owner(), addContributor(world, world.editor(), "edit"));
        TestHttp.Reply otherRole = http.as(world.owner(), addContributor(world, world.editor(), "view"));

        assertThat(sameRole.status()).isEqualTo(409);
        assertThat(otherRole.status()).isEqualTo(409);
        assertThat((String) otherRole.json().get("detail")).contains("already a contributor", "edit");
        assertThat(contributorEvents(world.profile()))
                .as("the world's own contributors, bound with kubectl, are the only ones announced")
                .noneMatch(
                        event -> event.data().path("actor").path("via").asText().equals("api"));
    }

    @Test
    void theOwnerCannotBeAContributor() {
        World world = World.create(cluster, profileRoles);

        TestHttp.Reply reply = http.as(ADMIN, addContributor(world, world.owner(), "view"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(cluster.roleBindingsIn(world.profile()))
                .noneMatch(binding -> world.owner()
                                .equals(binding.getMetadata().getAnnotations().get("user"))
                        && "view".equals(binding.getMetadata().getAnnotations().get("role")));
    }

    @Test
    void aRoleOtherThanEditOrViewIsUnprocessable() {
        World world = World.create(cluster, profileRoles);

        TestHttp.Reply admin = http.as(world.owner(), addContributor(world, ApiTestProperties.user("sam"), "admin"));
        TestHttp.Reply noUser = http.as(world.owner(), HttpRequest.POST(contributors(world), Map.of("role", "view")));

        assertThat(admin.status()).isEqualTo(422);
        assertThat(admin.violations())
                .extracting(violation -> violation.get("field"))
                .containsExactly("role");
        assertThat(noUser.violations())
                .extracting(violation -> violation.get("field"))
                .containsExactly("user");
        assertThat(http.as(world.owner(), HttpRequest.GET(contributors(world))).list())
                .hasSize(2);
    }

    @Test
    void noOneIsBoundInANamespaceOfTheSameNameThatAnotherOwnerHolds() {
        String name = ProfileServiceFixtures.uniqueName("squatted");
        cluster.createNamespace(name, "someone-else@example.com");
        String tom = ApiTestProperties.user("tom");
        http.as(tom, HttpRequest.POST("/api/profiles", Map.of("name", name)));

        TestHttp.Reply reply = http.as(
                tom,
                HttpRequest.POST(
                        "/api/profiles/" + name + "/contributors",
                        Map.of("user", ApiTestProperties.user("uma"), "role", "edit")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("type", ProfileProblems.NOT_READY.toString());
        assertThat(cluster.roleBindingsIn(name)).isEmpty();
    }

    private List<ReceivedEvent> contributorEvents(String profile) {
        return topic.eventsAbout(profile).stream()
                .filter(event -> event.type().startsWith("profile.contributor-"))
                .toList();
    }

    private static String contributors(World world) {
        return "/api/profiles/" + world.profile() + "/contributors";
    }

    private static io.micronaut.http.MutableHttpRequest<?> addContributor(World world, String user, String role) {
        return HttpRequest.POST(contributors(world), Map.of("user", user, "role", role));
    }
}
