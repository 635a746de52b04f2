package dev.notebooks.profile.api;

import static dev.notebooks.profile.api.ApiTestProperties.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.domain.Profile;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The profile REST API end to end, over HTTP, against real PostgreSQL, Kafka and the Kubernetes API double with the
 * reconciler running: every write lands on the Profile resource, annotated with its author; the reconciler does the
 * rest and the API reports it through status.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileApiTest implements TestPropertyProvider {

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
    void readinessShowsItsStatusToAnyoneAndItsDetailsToAnAdminOnly() {
        TestHttp.Reply anonymous = http.as(null, HttpRequest.GET("/health/readiness"));
        TestHttp.Reply admin = http.as(ApiTestProperties.ADMIN, HttpRequest.GET("/health/readiness"));

        TestHttp.Reply user = http.as(ApiTestProperties.user("nosy"), HttpRequest.GET("/health/readiness"));

        assertThat(anonymous.json()).containsEntry("status", "UP").doesNotContainKey("details");
        assertThat(user.json()).containsEntry("status", "UP").doesNotContainKey("details");
        assertThat(admin.json()).containsEntry("status", "UP").containsKey("details");
    }

    @Test
    void creatingAProfileWritesTheProfileResourceAndReportsReadinessThroughStatus() {
        String alice = ApiTestProperties.user("alice");
        String name = ProfileServiceFixtures.uniqueName("team-a");

        TestHttp.Reply created = http.as(
                alice,
                HttpRequest.POST(
                        "/api/profiles", Map.of("name", name, "resourceQuota", Map.of("cpu", "6", "memory", "16Gi"))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json())
                .containsEntry("name", name)
                .containsEntry("owner", alice)
                .containsEntry("role", "owner")
                .containsEntry("resourceQuota", Map.of("cpu", "6", "memory", "16Gi"));
        Profile profile = cluster.requireProfile(name);
        assertThat(profile.getSpec().owner()).isEqualTo(Profile.Owner.user(alice));
        assertThat(profile.getSpec().hardQuota()).containsEntry("cpu", "6").containsEntry("memory", "16Gi");
        await().atMost(Cluster.RECONCILED)
                .untilAsserted(() -> assertThat(statusOf(alice, name)).containsEntry("ready", "True"));
    }

    @Test
    void aProfilesViewShowsHowMuchOfItsQuotaIsInUseAndOnlyItsOwnView() {
        String alice = ApiTestProperties.user("alice");
        String bob = ApiTestProperties.user("bob");
        String name = ProfileServiceFixtures.uniqueName("quota-use");
        String unlimited = ProfileServiceFixtures.uniqueName("no-quota");
        http.as(
                alice,
                HttpRequest.POST(
                        "/api/profiles",
                        Map.of(
                                "name",
                                name,
                                "resourceQuota",
                                Map.of("requests.cpu", "4", "requests.memory", "8Gi", "pods", "10"))));
        http.as(bob, HttpRequest.POST("/api/profiles", Map.of("name", unlimited)));
        await().atMost(Cluster.RECONCILED)
                .untilAsserted(() -> assertThat(statusOf(alice, name)).containsEntry("ready", "True"));
        await().atMost(Cluster.RECONCILED).untilAsserted(() -> assertThat(quotaUseOf(alice, name))
                .isEqualTo(Map.of(
                        "pods", Map.of("hard", "10", "used", "0"),
                        "requests.cpu", Map.of("hard", "4", "used", "0"),
                        "requests.memory", Map.of("hard", "8Gi", "used", "0"))));

        cluster.createPod(name, "worker-1", "1500m", "2Gi");
        cluster.createPod(name, "worker-2", "500m", "1Gi");

        await().atMost(Cluster.RECONCILED).untilAsserted(() -> assertThat(quotaUseOf(alice, name))
                .isEqualTo(Map.of(
                        "pods", Map.of("hard", "10", "used", "2"),
                        "requests.cpu", Map.of("hard", "4", "used", "2"),
                        "requests.memory", Map.of("hard", "8Gi", "used", "3Gi"))));
        await().atMost(Cluster.RECONCILED)
                .untilAsserted(() -> assertThat(statusOf(bob, unlimited)).containsEntry("ready", "True"));
        assertThat(http.as(bob, HttpRequest.GET("/api/profiles/" + unlimited)).json())
                .doesNotContainKey("quotaUse");
        assertThat(http.as(alice, HttpRequest.GET("/api/profiles?limit=500")).items())
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item).doesNotContainKey("quotaUse"));
    }

    @Test
    void theQuotaUseOfAProfileIsNoneOfAStrangersBusiness() {
        String alice = ApiTestProperties.user("alice");
        String name = ProfileServiceFixtures.uniqueName("quota-private");
        http.as(alice, HttpRequest.POST("/api/profiles", Map.of("name", name, "resourceQuota", Map.of("cpu", "2"))));

        TestHttp.Reply stranger = http.as(ApiTestProperties.user("mallory"), HttpRequest.GET("/api/profiles/" + name));

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.text()).doesNotContain("quotaUse");
    }

    @Test
    void theCreationIsAnnouncedAsTheCallersThroughTheApi() {
        String alice = ApiTestProperties.user("alice");
        String name = ProfileServiceFixtures.uniqueName("announced");

        http.as(alice, HttpRequest.POST("/api/profiles", Map.of("name", name)));

        await().atMost(Cluster.RECONCILED).untilAsserted(() -> assertThat(topic.eventsAbout(name))
                .filteredOn(event -> event.type().equals("profile.created.v1"))
                .singleElement()
                .satisfies(event -> assertThat(actorOf(event)).isEqualTo(Map.of("user", alice, "via", "api"))));
    }

    @Test
    void theOwnerIsTheCallerUnlessAnAdminNamesAnother() {
        String bob = ApiTestProperties.user("bob");
        String carol = ApiTestProperties.user("carol");
        String byAdmin = ProfileServiceFixtures.uniqueName("for-bob");
        String byCarol = ProfileServiceFixtures.uniqueName("by-carol");

        TestHttp.Reply adminNamesBob =
                http.as(ADMIN, HttpRequest.POST("/api/profiles", Map.of("name", byAdmin, "owner", bob)));
        TestHttp.Reply carolNamesBob =
                http.as(carol, HttpRequest.POST("/api/profiles", Map.of("name", byCarol, "owner", bob)));

        assertThat(adminNamesBob.status()).isEqualTo(201);
        assertThat(cluster.requireProfile(byAdmin).ownerName()).isEqualTo(bob);
        assertThat(carolNamesBob.status()).isEqualTo(403);
        assertThat(carolNamesBob.contentType()).isEqualTo("application/problem+json");
        assertThat(cluster.profile(byCarol)).isEmpty();
        assertThat(auditOf(byCarol)).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(record.actor()).isEqualTo(carol);
            assertThat(record.action()).isEqualTo("profile.create");
        });
    }

    @Test
    void aUserOwnsOneProfileUnlessAnAdminGivesThemAnother() {
        String dave = ApiTestProperties.user("dave");
        String first = ProfileServiceFixtures.uniqueName("dave-1");
        String second = ProfileServiceFixtures.uniqueName("dave-2");
        String fromAdmin = ProfileServiceFixtures.uniqueName("dave-3");

        assertThat(http.as(dave, HttpRequest.POST("/api/profiles", Map.of("name", first)))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        http.as(dave, HttpRequest.GET("/api/profiles")).items().size() == 1);
        TestHttp.Reply again = http.as(dave, HttpRequest.POST("/api/profiles", Map.of("name", second)));
        TestHttp.Reply admin =
                http.as(ADMIN, HttpRequest.POST("/api/profiles", Map.of("name", fromAdmin, "owner", dave)));

        assertThat(again.status()).isEqualTo(409);
        assertThat((String) again.json().get("detail")).contains(dave, first);
        assertThat(cluster.profile(second)).isEmpty();
        assertThat(admin.status()).isEqualTo(201);
    }

    @Test
    void aProfileThatExistsIsAConflict() {
        String name = ProfileServiceFixtures.uniqueName("taken");
        cluster.createProfile(name, ApiTestProperties.user("erin"));

        TestHttp.Reply reply = http.as(ADMIN, HttpRequest.POST("/api/profiles", Map.of("name", name)));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("type", ApiProblems.CONFLICT.toString());
    }

    @Test
    void badInputIsAnUnprocessableProblemNamingTheFieldAndChangesNothing() {
        String frank = ApiTestProperties.user("frank");

        TestHttp.Reply reply = http.as(
                frank,
                HttpRequest.POST(
                        "/api/profiles",
                        Map.of(
                                "name",
                                "Frank_Team",
                                "resourceQuota",
                                Map.of("memory", "lots"),
                                "plugins",
                                List.of(Map.of("kind", "Vault", "spec", Map.of())),
                                "colour",
                                "blue")));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json()).containsEntry("type", ApiProblems.INVALID.toString());
        assertThat(reply.violations())
                .extracting(violation -> violation.get("field"))
                .containsExactlyInAnyOrder("name", "resourceQuota.memory", "plugins[0].kind", "colour");
        assertThat(cluster.profile("frank-team")).isEmpty();
        assertThat(auditLog.find(AuditQuery.newestFirst().withActor(frank)).items())
                .isEmpty();
    }

    @Test
    void anInvalidChangeIsUnprocessableAndLeavesTheProfileAsItWas() {
        String grace = ApiTestProperties.user("grace");
        String name = ProfileServiceFixtures.uniqueName("grace");
        http.as(grace, HttpRequest.POST("/api/profiles", Map.of("name", name, "resourceQuota", Map.of("cpu", "2"))));
        Profile before = cluster.requireProfile(name);

        TestHttp.Reply reply = http.as(
                grace, HttpRequest.PATCH("/api/profiles/" + name, Map.of("resourceQuota", Map.of("cpu", "2 cores"))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.violations()).singleElement().satisfies(violation -> assertThat(violation)
                .containsEntry("field", "resourceQuota.cpu"));
        assertThat(cluster.requireProfile(name).getSpec()).isEqualTo(before.getSpec());
        assertThat(cluster.requireProfile(name).getMetadata().getGeneration()).isEqualTo(1);
    }

    @Test
    void anUnknownProfileIsNotFound() {
        String missing = ProfileServiceFixtures.uniqueName("missing");

        assertThat(http.as(ADMIN, HttpRequest.GET("/api/profiles/" + missing)).status())
                .isEqualTo(404);
        assertThat(http.as(ADMIN, HttpRequest.PATCH("/api/profiles/" + missing, Map.of("plugins", List.of())))
                        .status())
                .isEqualTo(404);
        assertThat(http.as(ADMIN, HttpRequest.DELETE("/api/profiles/" + missing))
                        .status())
                .isEqualTo(404);
        assertThat(http.as(ADMIN, HttpRequest.GET("/api/profiles/" + missing + "/contributors"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCallWithoutTheUserHeaderIsUnauthenticated() {
        TestHttp.Reply reply = http.as(null, HttpRequest.GET("/api/profiles"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void theQuotaIsSetChangedAndEmptiedThroughTheProfileResource() {
        String henry = ApiTestProperties.user("henry");
        String name = ProfileServiceFixtures.uniqueName("quota");
        http.as(henry, HttpRequest.POST("/api/profiles", Map.of("name", name)));

        TestHttp.Reply set =
                http.as(henry, HttpRequest.PATCH("/api/profiles/" + name, Map.of("resourceQuota", Map.of("cpu", "4"))));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json()).containsEntry("resourceQuota", Map.of("cpu", "4"));
        assertAuthoredBy(henry, name);

        TestHttp.Reply changed = http.as(
                henry,
                HttpRequest.PATCH(
                        "/api/profiles/" + name, Map.of("resourceQuota", Map.of("cpu", "8", "memory", "32Gi"))));
        assertThat(changed.json()).containsEntry("resourceQuota", Map.of("cpu", "8", "memory", "32Gi"));
        assertThat(cluster.requireProfile(name).getSpec().hardQuota()).isEqualTo(Map.of("cpu", "8", "memory", "32Gi"));

        TestHttp.Reply emptied = http.as(
                henry, HttpRequest.PATCH("/api/profiles/" + name, Collections.singletonMap("resourceQuota", null)));
        assertThat(emptied.json()).containsEntry("resourceQuota", Map.of());
        Profile profile = cluster.requireProfile(name);
        assertThat(profile.getSpec().hardQuota()).isEmpty();
        assertAuthoredBy(henry, name);
        assertThat(profile.getMetadata().getGeneration()).isEqualTo(4);
    }

    @Test
    void aChangeThatChangesNothingIsNotWritten() {
        String ivy = ApiTestProperties.user("ivy");
        String name = ProfileServiceFixtures.uniqueName("same");
        http.as(ivy, HttpRequest.POST("/api/profiles", Map.of("name", name, "resourceQuota", Map.of("cpu", "1.5"))));
        TestHttp.Reply reply = http.as(
                ivy, HttpRequest.PATCH("/api/profiles/" + name, Map.of("resourceQuota", Map.of("cpu", "1500m"))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(cluster.requireProfile(name).getMetadata().getGeneration())
                .as("no spec write")
                .isEqualTo(1);
        assertThat(auditOf(name)).extracting(AuditRecord::action).containsExactly("profile.create");
    }

    @Test
    void pluginsAreWrittenInKubeflowsShape() {
        String jack = ApiTestProperties.user("jack");
        String name = ProfileServiceFixtures.uniqueName("plugins");
        http.as(jack, HttpRequest.POST("/api/profiles", Map.of("name", name)));

        TestHttp.Reply reply = http.as(
                jack,
                HttpRequest.PATCH(
                        "/api/profiles/" + name,
                        Map.of(
                                "plugins",
                                List.of(Map.of(
                                        "kind",
                                        "WorkloadIdentity",
                                        "spec",
                                        Map.of("gcpServiceAccount", "team@project.iam.gserviceaccount.com"))))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(cluster.requireProfile(name).getSpec().plugins())
                .containsExactly(Profile.Plugin.of(
                        "WorkloadIdentity", Map.of("gcpServiceAccount", "team@project.iam.gserviceaccount.com")));
    }

    @Test
    void onlyAnAdminChangesTheOwner() {
        String kate = ApiTestProperties.user("kate");
        String leo = ApiTestProperties.user("leo");
        String name = ProfileServiceFixtures.uniqueName("handover");
        http.as(kate, HttpRequest.POST("/api/profiles", Map.of("name", name)));

        TestHttp.Reply byOwner = http.as(kate, HttpRequest.PATCH("/api/profiles/" + name, Map.of("owner", leo)));
        TestHttp.Reply byAdmin = http.as(ADMIN, HttpRequest.PATCH("/api/profiles/" + name, Map.of("owner", leo)));

        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        Profile profile = cluster.requireProfile(name);
        assertThat(profile.ownerName()).isEqualTo(leo);
        assertAuthoredBy(ADMIN, name);
        assertThat(auditOf(name))
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::actor)
                .contains(
                        tuple("profile.update", Outcome.DENIED, kate), tuple("profile.update", Outcome.ALLOWED, ADMIN));
    }

    @Test
    void deletingAProfileDeletesTheResourceAndTheReconcilerCleansUp() {
        String mia = ApiTestProperties.user("mia");
        String name = ProfileServiceFixtures.uniqueName("gone");
        http.as(mia, HttpRequest.POST("/api/profiles", Map.of("name", name)));
        cluster.awaitNamespaceOf(name);

        TestHttp.Reply reply = http.as(mia, HttpRequest.DELETE("/api/profiles/" + name));

        assertThat(reply.status()).isEqualTo(202);
        await().atMost(Cluster.RECONCILED).untilAsserted(() -> {
            assertThat(cluster.profile(name)).isEmpty();
            assertThat(http.as(mia, HttpRequest.GET("/api/profiles/" + name)).status())
                    .isEqualTo(404);
        });
        await().atMost(Cluster.RECONCILED).untilAsserted(() -> assertThat(topic.eventsAbout(name))
                .filteredOn(event -> event.type().equals("profile.deleted.v1"))
                .singleElement()
                .satisfies(event -> assertThat(actorOf(event)).isEqualTo(Map.of("user", mia, "via", "api"))));
    }

    @Test
    void everyoneListsTheProfilesTheyCanReachWithTheirRole() {
        World world = World.create(cluster, profileRoles);
        String ownProfile = ProfileServiceFixtures.uniqueName("viewers-own");
        http.as(world.viewer(), HttpRequest.POST("/api/profiles", Map.of("name", ownProfile)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(rolesListedFor(world.viewer())).isEqualTo(Map.of(world.profile(), "view", ownProfile, "owner"));
            assertThat(rolesListedFor(world.editor())).isEqualTo(Map.of(world.profile(), "edit"));
            assertThat(rolesListedFor(world.owner())).isEqualTo(Map.of(world.profile(), "owner"));
            assertThat(rolesListedFor(world.stranger())).isEmpty();
            assertThat(rolesListedFor(ADMIN))
                    .containsEntry(world.profile(), "admin")
                    .containsEntry(ownProfile, "admin");
        });
    }

    @Test
    void theListComesInPagesByName() {
        String nina = ApiTestProperties.user("nina");
        for (int i = 0; i < 5; i++) {
            http.as(
                    ADMIN,
                    HttpRequest.POST(
                            "/api/profiles", Map.of("name", ProfileServiceFixtures.uniqueName("page"), "owner", nina)));
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        http.as(nina, HttpRequest.GET("/api/profiles")).items().size() == 5);

        TestHttp.Reply first = http.as(nina, HttpRequest.GET("/api/profiles?limit=2"));
        TestHttp.Reply second = http.as(
                nina,
                HttpRequest.GET("/api/profiles?limit=2&cursor=" + first.json().get("nextCursor")));
        TestHttp.Reply last = http.as(
                nina,
                HttpRequest.GET("/api/profiles?limit=2&cursor=" + second.json().get("nextCursor")));

        List<Object> names = new ArrayList<>();
        for (TestHttp.Reply page : List.of(first, second, last)) {
            page.items().forEach(item -> names.add(item.get("name")));
        }
        assertThat(first.items()).hasSize(2);
        assertThat(last.items()).hasSize(1);
        assertThat(last.json().get("nextCursor")).isNull();
        assertThat(names).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> ((String) a)
                .compareTo((String) b));
    }

    @Test
    void theAuditTrailIsForAdminsAndFiltersByProfileActorAndAction() {
        String olga = ApiTestProperties.user("olga");
        String name = ProfileServiceFixtures.uniqueName("audited");
        http.as(olga, HttpRequest.POST("/api/profiles", Map.of("name", name)));
        http.as(olga, HttpRequest.PATCH("/api/profiles/" + name, Map.of("resourceQuota", Map.of("cpu", "1"))));
        http.as(ApiTestProperties.user("peeker"), HttpRequest.GET("/api/profiles/" + name));

        TestHttp.Reply byOlga = http.as(ADMIN, HttpRequest.GET("/api/audit?profile=" + name + "&actor=" + olga));
        TestHttp.Reply updates =
                http.as(ADMIN, HttpRequest.GET("/api/audit?profile=" + name + "&action=profile.update"));
        TestHttp.Reply denials = http.as(ADMIN, HttpRequest.GET("/api/audit?profile=" + name + "&outcome=DENIED"));
        TestHttp.Reply byOlgaHerself = http.as(olga, HttpRequest.GET("/api/audit?profile=" + name));

        assertThat(byOlga.items())
                .extracting(item -> item.get("action"))
                .containsExactly("profile.update", "profile.create");
        assertThat(updates.items()).singleElement().satisfies(item -> {
            assertThat(json(item.get("before"))).doesNotContainKey("resourceQuota");
            assertThat(json(item.get("after"))).containsEntry("resourceQuota", Map.of("cpu", "1"));
        });
        assertThat(denials.items()).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("action", "profile.read"));
        assertThat(byOlgaHerself.status()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(Object text) throws java.io.IOException {
        return jsonMapper.readValue((String) text, Map.class);
    }

    private Map<String, Object> statusOf(String user, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>)
                http.as(user, HttpRequest.GET("/api/profiles/" + name)).json().get("status");
        return status;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> quotaUseOf(String user, String name) {
        TestHttp.Reply reply = http.as(user, HttpRequest.GET("/api/profiles/" + name));
        assertThat(reply.status()).isEqualTo(200);
        return (Map<String, Object>) reply.json().get("quotaUse");
    }

    private Map<Object, Object> rolesListedFor(String user) {
        Map<Object, Object> roles = new TreeMap<>();
        http.as(user, HttpRequest.GET("/api/profiles?limit=500"))
                .items()
                .forEach(item -> roles.put(item.get("name"), item.get("role")));
        return roles;
    }

    private List<AuditRecord> auditOf(String profile) {
        return auditLog.find(AuditQuery.newestFirst().withResource("Profile", null, profile))
                .items();
    }

    /** The last spec change announced about the profile is the API user's. */
    private void assertAuthoredBy(String user, String name) {
        await().atMost(Cluster.RECONCILED).untilAsserted(() -> assertThat(topic.eventsAbout(name))
                .filteredOn(event -> event.type().equals("profile.created.v1")
                        || event.type().equals("profile.updated.v1"))
                .last()
                .satisfies(event -> assertThat(actorOf(event)).isEqualTo(Map.of("user", user, "via", "api"))));
    }

    private static Map<String, String> actorOf(ReceivedEvent event) {
        return Map.of(
                "user", event.data().path("actor").path("user").asText(),
                "via", event.data().path("actor").path("via").asText());
    }
}
