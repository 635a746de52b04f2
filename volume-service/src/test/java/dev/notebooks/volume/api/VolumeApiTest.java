package dev.notebooks.volume.api;

import static dev.notebooks.volume.VolumeServiceFixtures.ADMIN;
import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.volume.Cluster;
import dev.notebooks.volume.VolumeServiceFixtures;
import dev.notebooks.volume.World;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * VWA's volume routes end to end on the API double with real PostgreSQL and Kafka: create, list with status and
 * users, the delete guard (a stopped notebook's volume is refused), force, quota and class refusals.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeApiTest implements TestPropertyProvider {

    private static final Duration SEEN = Cluster.SEEN;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ProfileRoles roles;

    @Inject
    AuditLog auditLog;

    @Inject
    InformerCache informers;

    private final Cluster cluster = new Cluster();
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
    @SuppressWarnings("unchecked")
    void createdVolumeIsListedInVwaShapeAndBinds() {
        TestHttp.Reply created = http.as(
                world.editor(),
                POST(
                        world.pvcs(),
                        Map.of(
                                "name",
                                "data",
                                "mode",
                                "ReadWriteOnce",
                                "class",
                                "standard",
                                "size",
                                "5Gi",
                                "type",
                                "empty")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()).containsEntry("success", true).containsEntry("user", world.editor());
        assertThat(created.json().get("message")).isEqualTo("PVC created successfully.");

        cluster.awaitBound(world.namespace(), "data");
        Map<String, Object> item = await().atMost(SEEN)
                .until(
                        () -> pvc(world.owner(), "data"),
                        pvc -> pvc != null && "ready".equals(status(pvc).get("phase")));
        assertThat(item)
                .containsEntry("namespace", world.namespace())
                .containsEntry("capacity", "5Gi")
                .containsEntry("class", "standard")
                .containsEntry("modes", List.of("ReadWriteOnce"))
                .containsEntry("notebooks", List.of());
        assertThat(status(item)).containsEntry("message", "Bound");
        assertThat((Map<String, Object>) item.get("viewer"))
                .containsEntry("status", "uninitialized")
                .containsEntry("url", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCacheKeepsOnlyThePodsThatMountAClaimAndTheEventsAboutClaims() {
        String namespace = world.namespace();
        cluster.claim(namespace, "kept-data", "1Gi", "standard");
        // created first, so once the later objects are cached these have been seen and passed by
        cluster.create(
                ResourceTypes.POD,
                new V1Pod()
                        .metadata(new V1ObjectMeta().name("no-volume").namespace(namespace))
                        .spec(new V1PodSpec()
                                .containers(
                                        List.of(new V1Container().name("main").image("busybox")))));
        cluster.create(ResourceTypes.EVENT, event(namespace, "ConfigMap", "settings", "about a config map"));
        cluster.pod(namespace, "mounting", "kept-data");
        cluster.create(ResourceTypes.EVENT, event(namespace, "PersistentVolumeClaim", "kept-data", "about the claim"));

        await().atMost(SEEN)
                .until(() -> informers.contains(ResourceTypes.POD, namespace, "mounting")
                        && informers.list(ResourceTypes.EVENT, namespace).stream()
                                .anyMatch(event -> "about the claim".equals(event.getMessage())));
        assertThat(informers.contains(ResourceTypes.POD, namespace, "no-volume"))
                .isFalse();
        assertThat(informers.list(ResourceTypes.EVENT, namespace))
                .allSatisfy(
                        event -> assertThat(event.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim"));

        TestHttp.Reply pods = http.as(world.owner(), GET(world.pvc("kept-data") + "/pods"));
        assertThat((List<Map<String, Object>>) pods.json().get("pods"))
                .extracting(pod -> ((Map<String, Object>) pod.get("metadata")).get("name"))
                .containsExactly("mounting");
        TestHttp.Reply events = http.as(world.owner(), GET(world.pvc("kept-data") + "/events"));
        assertThat((List<Map<String, Object>>) events.json().get("events"))
                .extracting(event -> event.get("message"))
                .contains("about the claim")
                .doesNotContain("about a config map");
    }

    private static CoreV1Event event(String namespace, String kind, String name, String message) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new CoreV1Event()
                .metadata(
                        new V1ObjectMeta().name(name + "." + UUID.randomUUID()).namespace(namespace))
                .involvedObject(new V1ObjectReference().kind(kind).name(name).namespace(namespace))
                .type("Normal")
                .reason("Test")
                .message(message)
                .firstTimestamp(now)
                .lastTimestamp(now);
    }

    @Test
    void vwaPlaceholdersChooseNoClassOrTheDefault() {
        http.as(world.owner(), POST(world.pvcs(), body("on-default", "{empty}", "1Gi")));
        http.as(world.owner(), POST(world.pvcs(), body("static", "{none}", "1Gi")));

        assertThat(cluster.requireClaim(world.namespace(), "on-default")
                        .getSpec()
                        .getStorageClassName())
                .isIn(null, "standard");
        assertThat(cluster.requireClaim(world.namespace(), "static").getSpec().getStorageClassName())
                .isEqualTo("");
    }

    @Test
    void waitForFirstConsumerIsExplained() {
        cluster.claim(world.namespace(), "scratch", "1Gi", Cluster.LOCAL_PATH);

        Map<String, Object> item = await().atMost(SEEN)
                .until(
                        () -> pvc(world.viewer(), "scratch"),
                        pvc -> pvc != null && "unavailable".equals(status(pvc).get("phase")));

        assertThat(status(item).get("state")).isEqualTo("WaitForFirstConsumer");
        assertThat((String) status(item).get("message")).contains("local-path").contains("notebook");
    }

    @Test
    void deleteIsRefusedWhileAStoppedNotebookMountsTheVolume() {
        http.as(world.owner(), POST(world.pvcs(), body("workspace-lab", "standard", "2Gi")));
        cluster.notebook(world.namespace(), "lab", List.of("workspace-lab"), true);
        await().atMost(SEEN)
                .until(
                        () -> pvc(world.owner(), "workspace-lab"),
                        pvc -> pvc != null && !((List<?>) pvc.get("notebooks")).isEmpty());
        assertThat(pvc(world.owner(), "workspace-lab").get("usedBy"))
                .isEqualTo(List.of(Map.of("name", "lab", "stopped", true)));

        TestHttp.Reply refused = http.as(world.owner(), DELETE(world.pvc("workspace-lab")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json())
                .containsEntry("success", false)
                .containsEntry("status", 409)
                .containsEntry("user", world.owner());
        assertThat((String) refused.json().get("log")).contains("notebook lab (stopped)");
        assertThat(cluster.get(dev.notebooks.volume.domain.VolumeResources.CLAIMS, world.namespace(), "workspace-lab"))
                .isPresent();
        assertThat(records("volume.delete", world.namespace(), "workspace-lab"))
                .anySatisfy(record -> assertThat(record.outcome()).isEqualTo(Outcome.FAILED));

        TestHttp.Reply notAdmin = http.as(world.owner(), DELETE(world.pvc("workspace-lab") + "?force=true"));
        assertThat(notAdmin.status()).isEqualTo(403);

        TestHttp.Reply forced = http.as(ADMIN, DELETE(world.pvc("workspace-lab") + "?force=true"));
        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.json().get("message")).isEqualTo("PVC workspace-lab successfully deleted.");
        assertThat(records("volume.force-delete", world.namespace(), "workspace-lab"))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.outcome()).isEqualTo(Outcome.ALLOWED);
                    assertThat(record.actor()).isEqualTo(ADMIN);
                    assertThat(record.reason()).contains("notebook lab (stopped)");
                });
    }

    @Test
    void unusedVolumeIsDeleted() {
        http.as(world.owner(), POST(world.pvcs(), body("temporary", "standard", "1Gi")));

        TestHttp.Reply deleted = http.as(world.editor(), DELETE(world.pvc("temporary")));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        await().atMost(SEEN).until(() -> cluster.get(
                        dev.notebooks.volume.domain.VolumeResources.CLAIMS, world.namespace(), "temporary")
                .isEmpty());
    }

    @Test
    void quotaIsCheckedBeforeWritingAndNamesTheField() {
        World small = World.create(cluster, roles);
        cluster.quota(
                small.namespace(),
                "kf-resource-quota",
                Map.of("requests.storage", "10Gi", "persistentvolumeclaims", "2"));
        cluster.quota(
                small.namespace(),
                "fast-quota",
                Map.of(Cluster.LOCAL_PATH + ".storageclass.storage.k8s.io/requests.storage", "1Gi"));
        await().atMost(SEEN)
                .until(() -> http.as(small.owner(), POST(small.pvcs(), body("big", "standard", "20Gi")))
                                .status()
                        == 422);

        TestHttp.Reply tooBig = http.as(small.owner(), POST(small.pvcs(), body("big", "standard", "20Gi")));
        assertThat(tooBig.violations()).singleElement().satisfies(v -> {
            assertThat(v.get("field")).isEqualTo("size");
            assertThat((String) v.get("message")).contains("requests.storage").contains("kf-resource-quota");
        });
        assertThat(tooBig.json()).containsEntry("success", false);

        TestHttp.Reply ofClass = http.as(small.owner(), POST(small.pvcs(), body("local", Cluster.LOCAL_PATH, "2Gi")));
        assertThat(ofClass.violations()).extracting(v -> v.get("message")).anySatisfy(m -> assertThat((String) m)
                .contains("local-path.storageclass.storage.k8s.io/requests.storage"));

        assertThat(http.as(small.owner(), POST(small.pvcs(), body("one", "standard", "1Gi")))
                        .status())
                .isEqualTo(201);
        assertThat(http.as(small.owner(), POST(small.pvcs(), body("two", "standard", "1Gi")))
                        .status())
                .isEqualTo(201);
        await().atMost(SEEN).until(() -> listed(small.owner(), small).size() == 2);
        TestHttp.Reply third = http.as(small.owner(), POST(small.pvcs(), body("three", "standard", "1Gi")));
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.violations()).extracting(v -> v.get("field")).containsExactly("name");
        assertThat(cluster.get(dev.notebooks.volume.domain.VolumeResources.CLAIMS, small.namespace(), "three"))
                .isEmpty();
    }

    @Test
    void unknownClassAndUnsupportedModeAreRefused() {
        TestHttp.Reply noClass = http.as(world.owner(), POST(world.pvcs(), body("x1", "gold", "1Gi")));
        assertThat(noClass.status()).isEqualTo(422);
        assertThat(noClass.violations()).extracting(v -> v.get("field")).containsExactly("class");

        TestHttp.Reply rwx = http.as(
                world.owner(),
                POST(
                        world.pvcs(),
                        Map.of(
                                "name",
                                "x2",
                                "mode",
                                "ReadWriteMany",
                                "class",
                                Cluster.LOCAL_PATH,
                                "size",
                                "1Gi",
                                "type",
                                "empty")));
        assertThat(rwx.status()).isEqualTo(422);
        assertThat(rwx.violations()).extracting(v -> v.get("field")).containsExactly("mode");
    }

    @Test
    @SuppressWarnings("unchecked")
    void storageClassesAreListedWithWhatUsersChooseBy() {
        TestHttp.Reply classes = http.as(world.stranger(), GET("/api/storageclasses"));

        assertThat(classes.status()).isEqualTo(200);
        assertThat((List<Object>) classes.json().get("storageClasses")).contains("standard", "local-path");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> details =
                (List<Map<String, Object>>) classes.json().get("classes");
        assertThat(details)
                .filteredOn(c -> c.get("name").equals("standard"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c)
                            .containsEntry("provisioner", Cluster.STANDARD_DRIVER)
                            .containsEntry("isDefault", true)
                            .containsEntry("allowVolumeExpansion", true)
                            .containsEntry("volumeBindingMode", "Immediate")
                            .containsEntry("snapshots", true)
                            .containsEntry("snapshotClass", Cluster.SNAPSHOT_CLASS)
                            .containsEntry("displayName", "Standard (CSI hostpath)")
                            .containsEntry("description", "Snapshots, expansion, binds at once");
                });
        assertThat(details)
                .filteredOn(c -> c.get("name").equals("local-path"))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .containsEntry("snapshots", false)
                        .containsEntry("volumeBindingMode", "WaitForFirstConsumer"));
        assertThat(http.as(world.stranger(), GET("/api/storageclasses/default")).json())
                .containsEntry("defaultStorageClass", "standard");
    }

    @Test
    void auditIsForAdmins() {
        assertThat(http.as(world.owner(), GET("/api/audit")).status()).isEqualTo(403);
        TestHttp.Reply audit = http.as(ADMIN, GET("/api/audit?namespace=" + world.namespace()));
        assertThat(audit.status()).isEqualTo(200);
    }

    private Map<String, Object> body(String name, String storageClass, String size) {
        return Map.of("name", name, "mode", "ReadWriteOnce", "class", storageClass, "size", size, "type", "empty");
    }

    private List<Map<String, Object>> listed(String user, World in) {
        TestHttp.Reply reply = http.as(user, GET(in.pvcs()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pvcs =
                (List<Map<String, Object>>) reply.json().get("pvcs");
        return pvcs;
    }

    private Map<String, Object> pvc(String user, String name) {
        return listed(user, world).stream()
                .filter(p -> name.equals(p.get("name")))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(Map<String, Object> pvc) {
        return (Map<String, Object>) pvc.get("status");
    }

    private List<AuditRecord> records(String action, String namespace, String name) {
        return auditLog.find(AuditQuery.newestFirst()
                        .withResource("PersistentVolumeClaim", namespace, name)
                        .withAction(action))
                .items();
    }
}
