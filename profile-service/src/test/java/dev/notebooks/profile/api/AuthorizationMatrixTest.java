package dev.notebooks.profile.api;

import static dev.notebooks.profile.api.ApiTestProperties.ADMIN;
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
import dev.notebooks.profile.ProfileServiceFixtures;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * Who may call what: every endpoint of the service, called by a profile's owner, its edit and view contributors, a
 * stranger, a cluster admin, and a request without the user header. A refusal is a 403 with an audit record;
 * no header is always a 401.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest implements TestPropertyProvider {

    private static final int OK = 200;
    private static final int CREATED = 201;
    private static final int ACCEPTED = 202;
    private static final int NO_CONTENT = 204;
    private static final int FORBIDDEN = 403;
    private static final int UNAUTHENTICATED = 401;

    /** Who calls. */
    enum Caller {
        OWNER,
        EDITOR,
        VIEWER,
        STRANGER,
        ADMIN,
        NO_HEADER
    }

    /**
     * One endpoint and what each caller gets, in the order owner, edit contributor, view contributor, stranger,
     * admin. An endpoint that changes the profile gets a profile of its own for every call.
     */
    static Stream<Arguments> everyEndpointForEveryCaller() {
        return Stream.of(
                        //                                                                 owner  editor  viewer
                        // stranger admin
                        reads("GET /api/profiles", w -> GET("/api/profiles"), OK, OK, OK, OK, OK),
                        reads("GET /api/profiles/{name}", w -> GET(profile(w)), OK, OK, OK, FORBIDDEN, OK),
                        changes(
                                "POST /api/profiles for another owner",
                                w -> POST("/api/profiles", Map.of("name", newName(), "owner", newUser())),
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                CREATED),
                        changes(
                                "PATCH /api/profiles/{name} quota",
                                w -> PATCH(profile(w), Map.of("resourceQuota", Map.of("cpu", "2"))),
                                OK,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        changes(
                                "PATCH /api/profiles/{name} owner",
                                w -> PATCH(profile(w), Map.of("owner", newUser())),
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        changes(
                                "DELETE /api/profiles/{name}",
                                w -> DELETE(profile(w)),
                                ACCEPTED,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                ACCEPTED),
                        reads(
                                "GET /api/profiles/{name}/contributors",
                                w -> GET(contributors(w)),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        changes(
                                "POST /api/profiles/{name}/contributors",
                                w -> POST(contributors(w), Map.of("user", newUser(), "role", "view")),
                                CREATED,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                CREATED),
                        changes(
                                "DELETE /api/profiles/{name}/contributors/{user}",
                                w -> DELETE(contributors(w) + "/" + w.viewer()),
                                NO_CONTENT,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                NO_CONTENT),
                        reads("GET /api/audit", w -> GET("/api/audit"), FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                        reads("GET /kfam/v1/bindings", w -> GET("/kfam/v1/bindings"), OK, OK, OK, OK, OK),
                        reads(
                                "GET /kfam/v1/bindings?namespace=",
                                w -> GET("/kfam/v1/bindings?namespace=" + w.profile()),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        changes(
                                "POST /kfam/v1/bindings",
                                w -> POST("/kfam/v1/bindings", kfamBinding(w, newUser())),
                                OK,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        changes(
                                "DELETE /kfam/v1/bindings",
                                w -> DELETE("/kfam/v1/bindings", kfamBinding(w, w.viewer())),
                                OK,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        reads(
                                "GET /kfam/v1/role/clusteradmin",
                                w -> GET("/kfam/v1/role/clusteradmin?user=" + w.owner()),
                                OK,
                                OK,
                                OK,
                                OK,
                                OK),
                        changes(
                                "POST /kfam/v1/profiles for another owner",
                                w -> POST("/kfam/v1/profiles", kfamProfile(newName(), newUser())),
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK),
                        changes(
                                "DELETE /kfam/v1/profiles/{name}",
                                w -> DELETE("/kfam/v1/profiles/" + w.profile()),
                                OK,
                                FORBIDDEN,
                                FORBIDDEN,
                                FORBIDDEN,
                                OK))
                .flatMap(Endpoint::calls);
    }

    @ParameterizedTest(name = "{0} by {1} is {2}")
    @MethodSource("everyEndpointForEveryCaller")
    void callerGetsWhatTheirRoleAllows(Endpoint endpoint, Caller caller, int expected) {
        World world = endpoint.changesTheProfile() && caller != Caller.NO_HEADER ? newWorld() : sharedWorld;
        String user = userOf(caller, world);
        long denialsBefore = denialsOf(user);

        TestHttp.Reply reply = http.as(user, endpoint.request().apply(world));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected == FORBIDDEN) {
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(denialsOf(user)).as("the refusal is audited").isEqualTo(denialsBefore + 1);
        }
    }

    record Endpoint(
            String name, Function<World, MutableHttpRequest<?>> request, boolean changesTheProfile, int[] expected) {

        Stream<Arguments> calls() {
            Stream<Arguments> withHeader = Arrays.stream(Caller.values())
                    .filter(caller -> caller != Caller.NO_HEADER)
                    .map(caller -> Arguments.of(this, caller, expected[caller.ordinal()]));
            return Stream.concat(withHeader, Stream.of(Arguments.of(this, Caller.NO_HEADER, UNAUTHENTICATED)));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    ProfileRoles profileRoles;

    @Inject
    AuditLog auditLog;

    private final Cluster cluster = new Cluster();
    private TestHttp http;
    private World sharedWorld;

    @Override
    public Map<String, String> getProperties() {
        return ApiTestProperties.properties();
    }

    @BeforeAll
    void serviceIsReady() {
        http = new TestHttp(client, jsonMapper);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(null, GET("/health/readiness")).status() == 200);
        sharedWorld = newWorld();
    }

    private World newWorld() {
        return World.create(cluster, profileRoles);
    }

    private static Endpoint reads(
            String name, Function<World, MutableHttpRequest<?>> request, int... ownerEditorViewerStrangerAdmin) {
        return new Endpoint(name, request, false, ownerEditorViewerStrangerAdmin);
    }

    private static Endpoint changes(
            String name, Function<World, MutableHttpRequest<?>> request, int... ownerEditorViewerStrangerAdmin) {
        return new Endpoint(name, request, true, ownerEditorViewerStrangerAdmin);
    }

    private static String userOf(Caller caller, World world) {
        return switch (caller) {
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
                        .withLimit(AuditQuery.MAX_LIMIT))
                .items()
                .size();
    }

    private static String profile(World world) {
        return "/api/profiles/" + world.profile();
    }

    private static String contributors(World world) {
        return profile(world) + "/contributors";
    }

    private static String newName() {
        return ProfileServiceFixtures.uniqueName("matrix");
    }

    private static String newUser() {
        return ApiTestProperties.user("newcomer");
    }

    private static Map<String, Object> kfamBinding(World world, String user) {
        return Map.of(
                "user", Map.of("kind", "User", "name", user),
                "referredNamespace", world.profile(),
                "RoleRef", Map.of("kind", "ClusterRole", "name", "view"));
    }

    private static Map<String, Object> kfamProfile(String name, String owner) {
        return Map.of("metadata", Map.of("name", name), "spec", Map.of("owner", Map.of("kind", "User", "name", owner)));
    }
}
