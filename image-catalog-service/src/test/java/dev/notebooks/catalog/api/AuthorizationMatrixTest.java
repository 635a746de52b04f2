package dev.notebooks.catalog.api;

import static dev.notebooks.catalog.api.ApiTestProperties.ADMIN;
import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.catalog.check.RegistryDouble;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: every endpoint, called by a cluster admin, by a user, and without the user header. Users read
 * the catalog and check images; only admins change the catalog and read the audit trail. A refusal is a 403 with an
 * audit record; no header is always a 401.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest implements TestPropertyProvider {

    private static final int OK = 200;
    private static final int CREATED = 201;
    private static final int NO_CONTENT = 204;
    private static final int FORBIDDEN = 403;
    private static final int UNAUTHENTICATED = 401;

    enum Caller {
        ADMIN,
        USER,
        NO_HEADER
    }

    /** One endpoint, given a fresh image id and a fresh registry image, and what an admin and a user get. */
    record Endpoint(String name, BiFunction<String, String, MutableHttpRequest<?>> request, int admin, int user) {

        Stream<Arguments> calls() {
            return Stream.of(
                    Arguments.of(this, Caller.ADMIN, admin),
                    Arguments.of(this, Caller.USER, user),
                    Arguments.of(this, Caller.NO_HEADER, UNAUTHENTICATED));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return Stream.of(
                        new Endpoint("GET /api/images", (id, image) -> GET("/api/images"), OK, OK),
                        new Endpoint("GET /api/images/{id}", (id, image) -> GET("/api/images/" + id), OK, OK),
                        new Endpoint(
                                "POST /api/images",
                                (id, image) -> POST(
                                        "/api/images",
                                        Map.of("image", image, "serverType", "jupyter", "displayName", "Matrix")),
                                CREATED,
                                FORBIDDEN),
                        new Endpoint(
                                "PATCH /api/images/{id}",
                                (id, image) -> PATCH("/api/images/" + id, Map.of("tags", List.of("patched"))),
                                OK,
                                FORBIDDEN),
                        new Endpoint(
                                "DELETE /api/images/{id}",
                                (id, image) -> DELETE("/api/images/" + id),
                                NO_CONTENT,
                                FORBIDDEN),
                        new Endpoint(
                                "GET /api/images/{id}/history",
                                (id, image) -> GET("/api/images/" + id + "/history"),
                                OK,
                                OK),
                        new Endpoint(
                                "POST /api/images/check",
                                (id, image) -> POST("/api/images/check", Map.of("image", image)),
                                OK,
                                OK),
                        new Endpoint("GET /api/catalog", (id, image) -> GET("/api/catalog"), OK, OK),
                        new Endpoint("GET /api/catalog/history", (id, image) -> GET("/api/catalog/history"), OK, OK),
                        new Endpoint("GET /api/spawner-config", (id, image) -> GET("/api/spawner-config"), OK, OK),
                        new Endpoint("GET /api/audit", (id, image) -> GET("/api/audit"), OK, FORBIDDEN))
                .flatMap(Endpoint::calls);
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    AuditLog auditLog;

    private final RegistryDouble registry = RegistryDouble.start();
    private final String user = ApiTestProperties.user("matrix");
    private TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        return ApiTestProperties.properties("catalog_authz", registry);
    }

    /** Calls the service as {@code actor} (null: no identity); here with the identity header. */
    TestHttp.Reply call(String actor, MutableHttpRequest<?> request) {
        return http.as(actor, request);
    }

    RegistryDouble registry() {
        return registry;
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

    @ParameterizedTest(name = "{0} by {1} is {2}")
    @MethodSource("everyEndpointForEveryCaller")
    void callerGetsWhatTheirRoleAllows(Endpoint endpoint, Caller caller, int expected) {
        String actor =
                switch (caller) {
                    case ADMIN -> ADMIN;
                    case USER -> this.user;
                    case NO_HEADER -> null;
                };
        long denialsBefore = denialsOf(actor);

        TestHttp.Reply reply = call(actor, endpoint.request().apply(addedImage(), newRegistryImage()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected == FORBIDDEN || expected == UNAUTHENTICATED) {
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        }
        if (expected == FORBIDDEN) {
            assertThat(denialsOf(actor)).as("the refusal is audited").isEqualTo(denialsBefore + 1);
        }
    }

    /** An image of the catalog that only this call uses. */
    private String addedImage() {
        TestHttp.Reply added = call(
                ADMIN,
                POST(
                        "/api/images",
                        Map.of("reference", newRegistryImage(), "serverType", "vscode", "displayName", "Matrix")));
        assertThat(added.status()).as(added.toString()).isEqualTo(CREATED);
        return (String) added.json().get("id");
    }

    private String newRegistryImage() {
        return registry.copy(
                RegistryDouble.COMPLIANT,
                "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "/jupyter:v1");
    }

    private long denialsOf(String actor) {
        if (actor == null) {
            return 0;
        }
        return auditLog.find(AuditQuery.newestFirst()
                        .withActor(actor)
                        .withOutcome(Outcome.DENIED)
                        .withLimit(AuditQuery.MAX_LIMIT))
                .items()
                .size();
    }
}
