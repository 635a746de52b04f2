package dev.notebooks.volume.api;

import static dev.notebooks.volume.VolumeServiceFixtures.ADMIN;
import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.volume.Cluster;
import dev.notebooks.volume.VolumeServiceFixtures;
import dev.notebooks.volume.World;
import dev.notebooks.volume.service.VolumeCache;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: every endpoint called by a profile's owner, its edit and view contributors, a stranger, a
 * cluster admin, and a request without the user header. Writes need edit, reads view, orphans the owner, force, the
 * audit trail and every namespace's orphans an admin. A refusal is a 403 with an audit record, whatever the body
 * (bodies here are invalid where a writer gets 422: authorization comes before validation); no header is a 401.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest implements TestPropertyProvider {

    private static final int OK = 200;
    private static final int CREATED = 201;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int INVALID = 422;
    private static final int UNAUTHENTICATED = 401;

    enum Who {
        OWNER,
        EDITOR,
        VIEWER,
        STRANGER,
        ADMIN,
        NO_HEADER
    }

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
    VolumeCache cache;

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
        cluster.claim(world.namespace(), "shared", "2Gi", Cluster.STANDARD);
        await().atMost(Cluster.SEEN)
                .until(() -> cache.claim(world.namespace(), "shared").isPresent());
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        //               owner     editor    viewer     stranger   admin
        return Stream.of(
                        call("GET pvcs", w -> GET(w.pvcs()), OK, OK, OK, FORBIDDEN, OK),
                        call(
                                "POST pvcs",
                                w -> POST(
                                        w.pvcs(),
                                        Map.of(
                                                "name",
                                                VolumeServiceFixtures.uniqueName("v"),
                                                "mode",
                                                "RWO",
                                                "class",
                                                "standard",
                                                "size",
                                                "1Gi",
                                                "type",
                                                "empty")),
                                CREATED,
                                CREATED,
                                FORBIDDEN,
                                FORBIDDEN,
                                CREATED),
                        call(
                                "POST pvcs with a bad body",
                                w -> POST(w.pvcs(), Map.of("name", "Not A Name")),
                                INVALID,
                                INVALID,
                                FORBIDDEN,
                                FORBIDDEN,
                                INVALID),
                        call("GET pvc", w -> GET(w.pvc("shared")), OK, OK, OK, FORBIDDEN, OK),
                        call(
                                "PATCH pvc with a bad size",
                                w -> PATCH(w.pvc("shared"), Map.of("size", "lots")),
                                INVALID,
                                INVALID,
                                FORBIDDEN,
                                FORBIDDEN,
                                INVALID),
                        call(
                                "DELETE missing pvc",
                                w -> DELETE(w.pvc("missing")),
                                NOT_FOUND,
                                NOT_FOUND,
                                FORBIDDEN,
                                FORBIDDEN,
                                NOT_FOUND),
                        call(
                                "DELETE missing pvc by force",
                                w -> DELETE(w.pvc("missing") + "?force=true"),
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                NOT_FOUND),
                        call("GET pvc pods", w -> GET(w.pvc("shared") + "/pods"), OK, OK, OK, FORBIDDEN, OK),
                        call("GET pvc events", w -> GET(w.pvc("shared") + "/events"), OK, OK, OK, FORBIDDEN, OK),
                        call("GET pvc snapshots", w -> GET(w.pvc("shared") + "/snapshots"), OK, OK, OK, FORBIDDEN, OK),
                        call(
                                "POST pvc snapshot with a bad name",
                                w -> POST(w.pvc("shared") + "/snapshots", Map.of("name", "Bad Name")),
                                INVALID,
                                INVALID,
                                FORBIDDEN,
                                FORBIDDEN,
                                INVALID),
                        call(
                                "GET snapshots",
                                w -> GET("/api/namespaces/" + w.namespace() + "/snapshots"),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        call(
                                "DELETE missing snapshot",
                                w -> DELETE("/api/namespaces/" + w.namespace() + "/snapshots/missing"),
                                NOT_FOUND,
                                NOT_FOUND,
                                FORBIDDEN,
                                FORBIDDEN,
                                NOT_FOUND),
                        call(
                                "GET orphans",
                                w -> GET("/api/namespaces/" + w.namespace() + "/orphans"),
                                OK,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        call(
                                "GET every orphan",
                                w -> GET("/api/orphans"),
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        call("GET audit", w -> GET("/api/audit"), FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                        call("GET storage classes", w -> GET("/api/storageclasses"), OK, OK, OK, OK, OK),
                        call("GET default storage class", w -> GET("/api/storageclasses/default"), OK, OK, OK, OK, OK))
                .flatMap(Endpoint::calls);
    }

    @ParameterizedTest(name = "{0} by {1} is {2}")
    @MethodSource("everyEndpointForEveryCaller")
    void callerGetsWhatTheirRoleAllows(Endpoint endpoint, Who who, int expected) {
        String user = userOf(who);
        long denialsBefore = denialsOf(user);

        TestHttp.Reply reply = http.as(user, endpoint.request().apply(world));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.json()).containsEntry("success", false).containsEntry("status", expected);
        }
        if (expected == FORBIDDEN) {
            assertThat(denialsOf(user)).as("the refusal is audited").isEqualTo(denialsBefore + 1);
        }
    }

    private String userOf(Who who) {
        return switch (who) {
            case OWNER -> world.owner();
            case EDITOR -> world.editor();
            case VIEWER -> world.viewer();
            case STRANGER -> world.stranger();
            case ADMIN -> ADMIN;
            case NO_HEADER -> null;
        };
    }

    private long denialsOf(String user) {
        if (user == null) {
            return 0;
        }
        return auditLog.find(AuditQuery.newestFirst()
                        .withActor(user)
                        .withOutcome(Outcome.DENIED)
                        .withLimit(500))
                .items()
                .size();
    }

    private static Endpoint call(String name, Function<World, MutableHttpRequest<?>> request, int... expected) {
        return new Endpoint(name, request, expected);
    }

    record Endpoint(String name, Function<World, MutableHttpRequest<?>> request, int[] expected) {

        Stream<Arguments> calls() {
            Stream<Arguments> roles = Arrays.stream(Who.values())
                    .filter(who -> who != Who.NO_HEADER)
                    .map(who -> Arguments.of(this, who, expected[who.ordinal()]));
            return Stream.concat(roles, Stream.of(Arguments.of(this, Who.NO_HEADER, UNAUTHENTICATED)));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
