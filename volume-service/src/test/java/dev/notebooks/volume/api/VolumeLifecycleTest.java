package dev.notebooks.volume.api;

import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import dev.notebooks.volume.Cluster;
import dev.notebooks.volume.VolumeServiceFixtures;
import dev.notebooks.volume.World;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What happens to volumes over time, end to end: the events announced for changes made by the API and by kubectl
 * (valid against their schemas), resize with and without expansion, snapshots and restore, orphans.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeLifecycleTest implements TestPropertyProvider {

    private static final Duration SEEN = Cluster.SEEN;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ProfileRoles roles;

    private final Cluster cluster = new Cluster();
    private final EventTopicReader volumes = new EventTopicReader("volumes");
    private TestHttp http;
    private World world;

    @Override
    public Map<String, String> getProperties() {
        return VolumeServiceFixtures.properties();
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(client, json);
        world = World.create(cluster, roles);
    }

    @Test
    void everyChangeIsAnnouncedWithSizeClassModesAndBoundTime() {
        String key = Subjects.namespaced(world.namespace(), "datasets");
        cluster.claim(world.namespace(), "datasets", "2Gi", Cluster.STANDARD);
        cluster.awaitBound(world.namespace(), "datasets");

        ReceivedEvent created = await().atMost(SEEN)
                .until(() -> volumes.eventsAbout(key), events -> !events.isEmpty())
                .get(0);
        assertThat(created.type()).isEqualTo("volume.created.v1");
        assertThat(created.data().get("actor").get("via").asText()).isEqualTo(Actor.VIA_KUBECTL);
        assertThat(created.data().get("size").asText()).isEqualTo("2Gi");
        assertThat(created.data().get("storageClass").asText()).isEqualTo(Cluster.STANDARD);
        assertThat(created.data().get("accessModes").get(0).asText()).isEqualTo("ReadWriteOnce");
        assertThat(created.data().get("boundAt").asText()).isNotEmpty();

        TestHttp.Reply resized = http.as(world.editor(), PATCH(world.pvc("datasets"), Map.of("size", "3Gi")));
        assertThat(resized.status()).as(resized.toString()).isEqualTo(200);
        assertThat(status(pvcIn(resized)).get("phase")).isEqualTo("waiting");

        TestHttp.Reply deleted = http.as(world.owner(), DELETE(world.pvc("datasets")));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        List<ReceivedEvent> events = await().atMost(SEEN).until(() -> volumes.eventsAbout(key), all -> all.size() == 3);
        assertThat(events)
                .extracting(ReceivedEvent::type)
                .containsExactly("volume.created.v1", "volume.resized.v1", "volume.deleted.v1");
        assertThat(events.get(1).data().get("actor").get("user").asText()).isEqualTo(world.editor());
        assertThat(events.get(1).data().get("previousSize").asText()).isEqualTo("2Gi");
        assertThat(events.get(1).data().get("size").asText()).isEqualTo("3Gi");
        assertThat(events.get(2).data().get("actor").get("user").asText()).isEqualTo(world.owner());
        assertThat(events.get(2).data().get("boundAt").asText())
                .isEqualTo(created.data().get("boundAt").asText());
    }

    /**
     * A resize followed at once by the delete races the reconciler (announcing the resize) against the delete handler
     * (announcing the end): whichever runs first, each claim gets its three events with the right users.
     */
    @Test
    void resizedAndDeletedAtOnceIsAnnouncedInFullWhicheverIsSeenFirst() {
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "burst-" + i).toList();
        names.forEach(name -> cluster.claim(world.namespace(), name, "1Gi", Cluster.STANDARD));
        names.forEach(name -> cluster.awaitBound(world.namespace(), name));
        await().atMost(SEEN).until(volumes::eventsByKey, events -> names.stream()
                .allMatch(name -> events.containsKey(keyOf(name))));

        for (String name : names) {
            TestHttp.Reply resized = http.as(world.editor(), PATCH(world.pvc(name), Map.of("size", "5Gi")));
            assertThat(resized.status()).as(resized.toString()).isEqualTo(200);
            TestHttp.Reply deleted = http.as(world.owner(), DELETE(world.pvc(name)));
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        }

        Map<String, List<ReceivedEvent>> all = await().atMost(SEEN).until(volumes::eventsByKey, events -> names.stream()
                .allMatch(name -> events.getOrDefault(keyOf(name), List.of()).size() >= 3));
        for (String name : names) {
            List<ReceivedEvent> events = all.get(keyOf(name));
            assertThat(events)
                    .as(name)
                    .extracting(ReceivedEvent::type)
                    .containsExactly("volume.created.v1", "volume.resized.v1", "volume.deleted.v1");
            assertThat(events.get(1).data().get("actor").get("user").asText()).isEqualTo(world.editor());
            assertThat(events.get(1).data().get("size").asText()).isEqualTo("5Gi");
            assertThat(events.get(2).data().get("actor").get("user").asText()).isEqualTo(world.owner());
            assertThat(events.get(2).data().get("size").asText()).isEqualTo("5Gi");
        }
    }

    private String keyOf(String name) {
        return Subjects.namespaced(world.namespace(), name);
    }

    @Test
    void resizeShowsPendingUntilTheCapacityFollows() {
        http.as(world.owner(), POST(world.pvcs(), body("growing", Cluster.STANDARD, "1Gi")));
        cluster.awaitBound(world.namespace(), "growing");
        await().atMost(SEEN).until(() -> "ready".equals(status(pvc("growing")).get("phase")));

        TestHttp.Reply resized = http.as(world.owner(), PATCH(world.pvc("growing"), Map.of("size", "4Gi")));
        assertThat(resized.status()).as(resized.toString()).isEqualTo(200);
        await().atMost(SEEN).until(() -> "waiting".equals(status(pvc("growing")).get("phase")));
        assertThat((String) status(pvc("growing")).get("message")).contains("4Gi");

        cluster.finishResize(world.namespace(), "growing");
        Map<String, Object> done = await().atMost(SEEN)
                .until(() -> pvc("growing"), pvc -> "ready".equals(status(pvc).get("phase")));
        assertThat(done).containsEntry("capacity", "4Gi");
    }

    @Test
    void shrinkingAndClassesWithoutExpansionAreRefused() {
        http.as(world.owner(), POST(world.pvcs(), body("fixed", Cluster.STANDARD, "2Gi")));
        cluster.awaitBound(world.namespace(), "fixed");
        cluster.claim(world.namespace(), "local", "1Gi", Cluster.LOCAL_PATH);
        await().atMost(SEEN).until(() -> pvc("fixed") != null && pvc("local") != null);

        TestHttp.Reply shrink = http.as(world.owner(), PATCH(world.pvc("fixed"), Map.of("size", "1Gi")));
        assertThat(shrink.status()).isEqualTo(422);
        assertThat(shrink.violations()).singleElement().satisfies(v -> {
            assertThat(v.get("field")).isEqualTo("size");
            assertThat((String) v.get("message")).contains("cannot shrink");
        });

        TestHttp.Reply noExpansion = http.as(world.owner(), PATCH(world.pvc("local"), Map.of("size", "5Gi")));
        assertThat(noExpansion.status()).isEqualTo(422);
        assertThat((String) noExpansion.violations().get(0).get("message"))
                .contains("local-path")
                .contains("does not allow volume expansion");
        assertThat(cluster.requireClaim(world.namespace(), "fixed")
                        .getSpec()
                        .getResources()
                        .getRequests()
                        .get("storage")
                        .toSuffixedString())
                .isEqualTo("2Gi");
    }

    @Test
    void snapshotIsTakenRestoredAndDeleted() {
        http.as(world.owner(), POST(world.pvcs(), body("notes", Cluster.STANDARD, "1Gi")));
        cluster.awaitBound(world.namespace(), "notes");
        await().atMost(SEEN).until(() -> "ready".equals(status(pvc("notes")).get("phase")));

        TestHttp.Reply taken =
                http.as(world.editor(), POST(world.pvc("notes") + "/snapshots", Map.of("name", "notes-monday")));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        assertThat(snapshotOf(taken))
                .containsEntry("volume", "notes")
                .containsEntry("snapshotClass", Cluster.SNAPSHOT_CLASS);

        cluster.awaitReady(world.namespace(), "notes-monday", "1Gi");
        String snapshotKey = Subjects.namespaced(world.namespace(), "notes-monday");
        ReceivedEvent announced = await().atMost(SEEN)
                .until(() -> volumes.eventsAbout(snapshotKey), events -> !events.isEmpty())
                .get(0);
        assertThat(announced.type()).isEqualTo("volume.snapshot-created.v1");
        assertThat(announced.data().get("volume").asText()).isEqualTo("notes");
        assertThat(announced.data().get("actor").get("user").asText()).isEqualTo(world.editor());
        assertThat(snapshots("notes")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("readyToUse", true));

        TestHttp.Reply restored = http.as(
                world.owner(),
                POST(
                        world.pvcs(),
                        Map.of(
                                "name",
                                "notes-restored",
                                "mode",
                                "ReadWriteOnce",
                                "class",
                                Cluster.STANDARD,
                                "type",
                                "snapshot",
                                "snapshot",
                                "notes-monday")));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(201);
        var claim = cluster.requireClaim(world.namespace(), "notes-restored");
        assertThat(claim.getSpec().getDataSource().getKind()).isEqualTo("VolumeSnapshot");
        assertThat(claim.getSpec().getDataSource().getName()).isEqualTo("notes-monday");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toSuffixedString())
                .isEqualTo("1Gi");
        cluster.awaitBound(world.namespace(), "notes-restored");

        TestHttp.Reply deleted =
                http.as(world.owner(), DELETE("/api/namespaces/" + world.namespace() + "/snapshots/notes-monday"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        List<ReceivedEvent> events =
                await().atMost(SEEN).until(() -> volumes.eventsAbout(snapshotKey), all -> all.size() == 2);
        assertThat(events.get(1).type()).isEqualTo("volume.snapshot-deleted.v1");
        assertThat(events.get(1).data().get("actor").get("user").asText()).isEqualTo(world.owner());
    }

    @Test
    void snapshotIsRefusedWhereTheDriverHasNoSnapshotClass() {
        cluster.claim(world.namespace(), "scratch-space", "1Gi", Cluster.LOCAL_PATH);
        await().atMost(SEEN).until(() -> pvc("scratch-space") != null);

        TestHttp.Reply refused = http.as(world.owner(), POST(world.pvc("scratch-space") + "/snapshots", Map.of()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.get("field")).isEqualTo("volume");
            assertThat((String) v.get("message")).contains("local-path").contains("VolumeSnapshotClass");
        });
    }

    @Test
    void unusedVolumesBecomeOrphansAfterTheWindow() throws Exception {
        World team = World.create(cluster, roles);
        cluster.claim(team.namespace(), "forgotten", "3Gi", Cluster.STANDARD);
        cluster.claim(team.namespace(), "in-use", "1Gi", Cluster.STANDARD);
        cluster.claim(team.namespace(), "was-used", "1Gi", Cluster.STANDARD);
        cluster.notebook(team.namespace(), "running", List.of("in-use"), false);
        Instant stoppedAt = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        try (EventTopicWriter notebooks = new EventTopicWriter("notebooks")) {
            // stopped "in an hour": its volume was in use until then, so it is no orphan within this test
            NotebookStopped stopped = new NotebookStopped(
                    Actor.api(team.owner()),
                    team.namespace(),
                    "old",
                    "jupyter-scipy:v1",
                    ServerType.JUPYTER,
                    new NotebookResources("1", "2Gi", null, null, Gpu.none()),
                    List.of("was-used"),
                    "stopped by user",
                    stoppedAt);
            String subject = Subjects.namespaced(team.namespace(), "old");
            notebooks.publish(new PlatformEvent<>(
                    java.util.UUID.randomUUID(),
                    "notebook-service",
                    NotebookStopped.TYPE,
                    subject,
                    subject,
                    stoppedAt,
                    stopped));
        }
        String orphans = "/api/namespaces/" + team.namespace() + "/orphans";

        List<Map<String, Object>> found = await().atMost(SEEN)
                .until(
                        () -> orphansOf(http.as(team.owner(), GET(orphans))),
                        list -> list.stream().map(o -> o.get("name")).toList().equals(List.of("forgotten")));

        assertThat(found).extracting(o -> o.get("name")).containsExactly("forgotten");
        assertThat(found.get(0)).containsEntry("size", "3Gi").containsEntry("storageClass", Cluster.STANDARD);
        assertThat(http.as(team.editor(), GET(orphans)).status()).isEqualTo(403);
        assertThat(orphansOf(http.as(VolumeServiceFixtures.ADMIN, GET("/api/orphans"))))
                .extracting(o -> o.get("namespace") + "/" + o.get("name"))
                .contains(team.namespace() + "/forgotten")
                .doesNotContain(team.namespace() + "/in-use", team.namespace() + "/was-used");
    }

    private Map<String, Object> body(String name, String storageClass, String size) {
        return Map.of("name", name, "mode", "ReadWriteOnce", "class", storageClass, "size", size, "type", "empty");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pvc(String name) {
        TestHttp.Reply reply = http.as(world.owner(), GET(world.pvcs()));
        return ((List<Map<String, Object>>) reply.json().get("pvcs"))
                .stream().filter(p -> name.equals(p.get("name"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> snapshots(String volume) {
        return (List<Map<String, Object>>) http.as(world.viewer(), GET(world.pvc(volume) + "/snapshots"))
                .json()
                .get("snapshots");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> snapshotOf(TestHttp.Reply reply) {
        return (Map<String, Object>) reply.json().get("snapshot");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pvcIn(TestHttp.Reply reply) {
        return (Map<String, Object>) reply.json().get("pvc");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orphansOf(TestHttp.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.json().get("orphans");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(Map<String, Object> pvc) {
        return pvc == null ? Map.of() : (Map<String, Object>) pvc.get("status");
    }
}
