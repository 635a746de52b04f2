package dev.notebooks.volume.api;

import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.volume.Cluster;
import dev.notebooks.volume.VolumeServiceFixtures;
import dev.notebooks.volume.World;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, the answer is a 4xx problem with VWA's members, never a 5xx, and nothing is written: a
 * table of malformed create, resize and snapshot bodies, each with the status and the field it must name.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedBodiesTest implements TestPropertyProvider {

    private static final String OK_CREATE =
            "\"name\":\"ok\",\"mode\":\"ReadWriteOnce\",\"class\":\"standard\",\"size\":\"1Gi\",\"type\":\"empty\"";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ProfileRoles roles;

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
        cluster.claim(world.namespace(), "existing", "2Gi", Cluster.STANDARD);
    }

    static Stream<Arguments> createBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{name: ok", 400, null),
                Arguments.of("an array", "[]", 422, "body"),
                Arguments.of("a string", "\"data\"", 422, "body"),
                Arguments.of("null", "null", 422, "body"),
                Arguments.of("an empty object", "{}", 422, "name"),
                Arguments.of(
                        "no size",
                        "{\"name\":\"a\",\"mode\":\"RWO\",\"class\":\"standard\",\"type\":\"empty\"}",
                        422,
                        "size"),
                Arguments.of("a name with capitals", "{" + OK_CREATE.replace("\"ok\"", "\"Data\"") + "}", 422, "name"),
                Arguments.of(
                        "a name too long",
                        "{" + OK_CREATE.replace("\"ok\"", "\"" + "a".repeat(254) + "\"") + "}",
                        422,
                        "name"),
                Arguments.of("a name that is a number", "{" + OK_CREATE.replace("\"ok\"", "7") + "}", 422, "name"),
                Arguments.of("a size in GB", "{" + OK_CREATE.replace("\"1Gi\"", "\"1GB\"") + "}", 422, "size"),
                Arguments.of("a negative size", "{" + OK_CREATE.replace("\"1Gi\"", "\"-1Gi\"") + "}", 422, "size"),
                Arguments.of("a zero size", "{" + OK_CREATE.replace("\"1Gi\"", "\"0\"") + "}", 422, "size"),
                Arguments.of("a size with spaces", "{" + OK_CREATE.replace("\"1Gi\"", "\" 1Gi\"") + "}", 422, "size"),
                Arguments.of("a numeric size", "{" + OK_CREATE.replace("\"1Gi\"", "1") + "}", 422, "size"),
                Arguments.of(
                        "an unknown mode",
                        "{" + OK_CREATE.replace("ReadWriteOnce", "ReadWriteSometimes") + "}",
                        422,
                        "mode"),
                Arguments.of("an unknown type", "{" + OK_CREATE.replace("\"empty\"", "\"clone\"") + "}", 422, "type"),
                Arguments.of(
                        "a class that is not a name",
                        "{" + OK_CREATE.replace("\"standard\"", "\"{fast}\"") + "}",
                        422,
                        "class"),
                Arguments.of("an unknown field", "{" + OK_CREATE + ",\"labels\":{}}", 422, "labels"),
                Arguments.of(
                        "a restore without snapshot",
                        "{" + OK_CREATE.replace("\"empty\"", "\"snapshot\"") + "}",
                        422,
                        "snapshot"),
                Arguments.of(
                        "a snapshot for an empty volume", "{" + OK_CREATE + ",\"snapshot\":\"s\"}", 422, "snapshot"),
                Arguments.of(
                        "a restore of a missing snapshot",
                        "{" + OK_CREATE.replace("\"empty\"", "\"snapshot\"") + ",\"snapshot\":\"nope\"}",
                        422,
                        "snapshot"),
                Arguments.of("an existing name", "{" + OK_CREATE.replace("\"ok\"", "\"existing\"") + "}", 409, "name"));
    }

    @ParameterizedTest(name = "create with {0} is {2}")
    @MethodSource("createBodies")
    void malformedCreateIsRefusedNamingTheField(String what, String body, int status, String field) {
        assertRefused(POST(world.pvcs(), body).contentType(MediaType.APPLICATION_JSON_TYPE), status, field);
    }

    static Stream<Arguments> resizeBodies() {
        return Stream.of(
                Arguments.of("not JSON", "size=3Gi", 400, null),
                Arguments.of("an empty object", "{}", 422, "size"),
                Arguments.of("a size that is no quantity", "{\"size\":\"big\"}", 422, "size"),
                Arguments.of("a size as a number", "{\"size\":3}", 422, "size"),
                Arguments.of("another field", "{\"size\":\"3Gi\",\"class\":\"standard\"}", 422, "class"),
                Arguments.of("the same size", "{\"size\":\"2Gi\"}", 422, "size"),
                Arguments.of("a smaller size", "{\"size\":\"1Gi\"}", 422, "size"));
    }

    @ParameterizedTest(name = "resize with {0} is {2}")
    @MethodSource("resizeBodies")
    void malformedResizeIsRefusedNamingTheField(String what, String body, int status, String field) {
        assertRefused(PATCH(world.pvc("existing"), body).contentType(MediaType.APPLICATION_JSON_TYPE), status, field);
    }

    static Stream<Arguments> snapshotBodies() {
        return Stream.of(
                Arguments.of("an array", "[1]", 422, "body"),
                Arguments.of("a bad name", "{\"name\":\"Monday!\"}", 422, "name"),
                Arguments.of("an unknown field", "{\"class\":\"x\"}", 422, "class"));
    }

    @ParameterizedTest(name = "snapshot with {0} is {2}")
    @MethodSource("snapshotBodies")
    void malformedSnapshotIsRefusedNamingTheField(String what, String body, int status, String field) {
        assertRefused(
                POST(world.pvc("existing") + "/snapshots", body).contentType(MediaType.APPLICATION_JSON_TYPE),
                status,
                field);
    }

    private void assertRefused(MutableHttpRequest<?> request, int status, String field) {
        TestHttp.Reply reply = http.as(world.owner(), request);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json()).containsEntry("success", false).containsEntry("status", status);
        assertThat(reply.json().get("log")).isNotNull();
        if (field != null) {
            assertThat(reply.violations()).extracting(v -> v.get("field")).contains(field);
        }
    }
}
