package dev.notebooks.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The usage API end to end: events on the real Kafka, the ledger in PostgreSQL, read as JSON and CSV by each role,
 * with prices; every malformed parameter answered 4xx, after the caller's right.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageApiTest implements TestPropertyProvider {

    private static final Duration CONSUMED = Duration.ofSeconds(60);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    ProfileRoles profileRoles;

    private final Cluster cluster = new Cluster();
    private final EventTopicWriter notebooks = new EventTopicWriter(Topics.NOTEBOOKS);
    private final EventTopicWriter volumes = new EventTopicWriter(Topics.VOLUMES);
    private TestHttp http;
    private World world;
    private Instant day;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ApiTestProperties.properties();
        properties.put("usage.closing-enabled", "false");
        properties.put("usage.currency", "EUR");
        properties.put("usage.cpu-core-hour", "0.05");
        properties.put("usage.gpu-hour.nvidia.com/gpu", "2");
        properties.put("usage.storage-gib-hour.standard", "0.0001");
        return properties;
    }

    @BeforeAll
    void aProfileWithADayOfUsage() {
        http = new TestHttp(client, jsonMapper);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(null, HttpRequest.GET("/health/readiness")).status() == 200);
        world = World.create(cluster, profileRoles);
        day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS);
        Instant ten = day.plus(10, ChronoUnit.HOURS);
        String profile = world.profile();
        NotebookResources resources = new NotebookResources("2", "4Gi", null, null, new Gpu(1, "nvidia.com/gpu"));
        Actor owner = Actor.api(world.owner());
        // published stop first: the ledger orders by the events' own times
        notebooks.publish(event(
                profile,
                "train",
                ten.plus(90, ChronoUnit.MINUTES),
                new NotebookStopped(
                        owner,
                        profile,
                        "train",
                        "jupyter",
                        ServerType.JUPYTER,
                        resources,
                        List.of(),
                        "stopped by user",
                        null)));
        notebooks.publish(event(
                profile,
                "train",
                ten,
                new NotebookStarted(owner, profile, "train", "jupyter", ServerType.JUPYTER, resources, List.of())));
        volumes.publish(event(
                profile,
                "data",
                ten,
                new VolumeCreated(owner, profile, "data", "10Gi", "standard", List.of("ReadWriteOnce"), ten)));
        volumes.publish(event(
                profile,
                "data",
                ten.plus(2, ChronoUnit.HOURS),
                new VolumeDeleted(owner, profile, "data", "10Gi", "standard", List.of("ReadWriteOnce"), ten)));
        await().atMost(CONSUMED).untilAsserted(() -> assertThat(totals(world.owner()))
                .containsEntry("cpuCoreSeconds", "10800")
                .containsEntry("storageGiBSeconds", Map.of("standard", "72000")));
    }

    @AfterAll
    void closeProducers() {
        notebooks.close();
        volumes.close();
    }

    @Test
    void ownerSeesTotalsAndRowsPerHourWithCosts() {
        TestHttp.Reply reply = http.as(world.owner(), HttpRequest.GET(usage("granularity=hour")));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> report = reply.json();
        assertThat(report).containsEntry("currency", "EUR").containsEntry("granularity", "hour");
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) report.get("totals");
        assertThat(totals)
                .containsEntry("cpuCoreSeconds", "10800")
                .containsEntry("cpuCoreHours", "3.000000")
                .containsEntry("memoryGiBSeconds", "21600")
                .containsEntry("gpuSeconds", Map.of("nvidia.com/gpu", "5400"))
                // 3 core-hours x 0.05 + 1.5 GPU-hours x 2 + 20 GiB-hours x 0.0001
                .containsEntry("cost", "3.152000");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertThat(rows)
                .extracting(row -> row.get("period") + " " + row.get("kind") + " " + row.get("name") + " "
                        + row.get("cpuCoreSeconds") + " " + row.get("storageGiBSeconds"))
                .containsExactly(
                        hour(10) + " notebook train 7200 0",
                        hour(10) + " volume data 0 36000",
                        hour(11) + " notebook train 3600 0",
                        hour(11) + " volume data 0 36000");
        assertThat(rows.get(0)).containsEntry("gpuVendor", "nvidia.com/gpu").containsEntry("cost", "2.100000");
        assertThat(rows.get(1)).containsEntry("storageClass", "standard").containsEntry("cost", "0.001000");
    }

    @Test
    void contributorsAndAdminsReadItAndNobodyElse() {
        assertThat(http.as(world.editor(), HttpRequest.GET(usage(""))).status()).isEqualTo(200);
        assertThat(http.as(world.viewer(), HttpRequest.GET(usage(""))).status()).isEqualTo(200);
        assertThat(http.as(ApiTestProperties.ADMIN, HttpRequest.GET(usage(""))).status())
                .isEqualTo(200);
        assertThat(http.as(world.stranger(), HttpRequest.GET(usage(""))).status())
                .isEqualTo(403);
        assertThat(http.as(world.stranger(), HttpRequest.GET(usage("granularity=week&from=yesterday")))
                        .status())
                .as("authorization before validation")
                .isEqualTo(403);
        assertThat(http.as(null, HttpRequest.GET(usage(""))).status()).isEqualTo(401);
        assertThat(http.as(world.owner(), HttpRequest.GET("/api/usage")).status())
                .isEqualTo(403);
        assertThat(http.as(world.owner(), HttpRequest.GET("/api/profiles/no-such-" + UUID.randomUUID() + "/usage"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void csvHasTheSameRows() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(
                        HttpRequest.GET(usage("granularity=hour"))
                                .header(TestHttp.USERID_HEADER, world.owner())
                                .accept("text/csv"),
                        String.class);

        assertThat(response.getContentType().orElseThrow().getName()).isEqualTo("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).startsWith("profile,period,kind,name,gpuVendor,storageClass,cpuCoreSeconds");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1))
                .startsWith(world.profile() + "," + hour(10) + ",notebook,train,nvidia.com/gpu,,7200,2.000000,14400,");
        assertThat(lines.get(1)).endsWith(",2.100000,EUR");
    }

    @Test
    void adminsPageThroughEveryProfile() {
        TestHttp.Reply page = http.as(
                ApiTestProperties.ADMIN,
                HttpRequest.GET("/api/usage?limit=500&from=" + day.toString().substring(0, 10) + "&to="
                        + day.plus(1, ChronoUnit.DAYS).toString().substring(0, 10)));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.items()).extracting(item -> item.get("profile")).contains(world.profile());
        TestHttp.Reply first = http.as(ApiTestProperties.ADMIN, HttpRequest.GET("/api/usage?limit=1"));
        assertThat(first.items()).hasSize(1);
    }

    @Test
    void malformedParametersAre4xxNamingTheParameter() {
        Map<String, String> bad = Map.of(
                "granularity=week", "granularity",
                "from=yesterday", "from",
                "to=2025-13-45", "to",
                "from=+99999-01-01T00:00:00Z", "from",
                "from=2025-02-01&to=2025-01-01", "to",
                "granularity=hour&from=2000-01-01&to=2100-01-01", "to",
                "from=%00", "from");
        bad.forEach((query, field) -> {
            TestHttp.Reply reply = http.as(world.owner(), HttpRequest.GET(usage(query)));
            assertThat(reply.status()).as(query).isEqualTo(422);
            assertThat(reply.contentType()).as(query).startsWith("application/problem+json");
            assertThat(reply.violations())
                    .as(query)
                    .extracting(violation -> violation.get("field"))
                    .contains(field);
        });
        for (String limit : List.of("0", "-1", "abc", "501", "99999999999")) {
            assertThat(http.as(ApiTestProperties.ADMIN, HttpRequest.GET("/api/usage?limit=" + limit))
                            .status())
                    .as(limit)
                    .isEqualTo(422);
        }
    }

    private Map<String, Object> totals(String user) {
        TestHttp.Reply reply = http.as(user, HttpRequest.GET(usage("granularity=day")));
        assertThat(reply.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) reply.json().get("totals");
        return totals;
    }

    private String usage(String query) {
        String window = "from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS);
        boolean ownWindow = query.contains("from=") || query.contains("to=");
        return "/api/profiles/" + world.profile() + "/usage?"
                + (query.isEmpty() ? window : ownWindow ? query : window + "&" + query);
    }

    private String hour(int hour) {
        return day.plus(hour, ChronoUnit.HOURS).toString();
    }

    private static PlatformEvent<?> event(
            String profile, String name, Instant time, dev.notebooks.platform.events.EventData data) {
        String subject = Subjects.namespaced(profile, name);
        return new PlatformEvent<>(
                UUID.randomUUID(),
                "test",
                dev.notebooks.platform.events.EventTypes.ofData(data.getClass()).name(),
                subject,
                subject,
                time,
                data);
    }
}
