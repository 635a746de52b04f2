package dev.notebooks.notebook.api;

import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.Profiles;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.context.env.Environment;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: every endpoint called by a profile's owner, its edit and view contributors, a stranger, a cluster
 * admin, and a request without the user header. Writes need edit, namespace reads view, cluster-wide reads any
 * signed-in caller, the audit trail an admin. A refusal is a 403 with an audit record whatever the body (bodies are
 * invalid where a writer gets 422: authorization before validation); no header is a 401. Then a table of malformed
 * bodies, each a 4xx and never a 5xx, and JWA's CSRF rule.
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
    private static final Duration SEEN = Duration.ofSeconds(60);
    private static final String SHARED = "shared";

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

    private TestHttp http;
    private static Profiles world;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("platform.security.cluster-admins", Profiles.ADMIN)
                .with("notebooks.spawner.namespace", NotebookServiceFixtures.uniqueName("kubeflow"))
                .build();
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(client, json);
        world = Profiles.create(roles);
        TestHttp.Reply created = await().atMost(SEEN)
                .until(
                        () -> http.as(world.owner(), POST(world.notebooks(), NotebookApiTest.form(SHARED))),
                        reply -> reply.status() != 503);
        assertThat(created.status()).as(created.toString()).isEqualTo(CREATED);
        await().atMost(SEEN)
                .until(() -> http.as(world.viewer(), GET(world.notebook(SHARED) + "/pod/" + SHARED + "-0/logs"))
                                .status()
                        == OK);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        //               owner     editor    viewer     stranger   admin
        return Stream.of(
                        call("GET config", w -> GET("/api/config"), OK, OK, OK, OK, OK),
                        call("GET notebooks", w -> GET(w.notebooks()), OK, OK, OK, FORBIDDEN, OK),
                        call(
                                "POST notebooks",
                                w -> POST(
                                        w.notebooks(), NotebookApiTest.form(NotebookServiceFixtures.uniqueName("nb"))),
                                CREATED,
                                CREATED,
                                FORBIDDEN,
                                FORBIDDEN,
                                CREATED),
                        call(
                                "POST notebooks with a bad body",
                                w -> POST(w.notebooks(), Map.of("name", "Not A Name")),
                                INVALID,
                                INVALID,
                                FORBIDDEN,
                                FORBIDDEN,
                                INVALID),
                        call("GET notebook", w -> GET(w.notebook(SHARED)), OK, OK, OK, FORBIDDEN, OK),
                        call(
                                "PATCH notebook with a bad body",
                                w -> PATCH(w.notebook(SHARED), Map.of("stopped", "yes")),
                                INVALID,
                                INVALID,
                                FORBIDDEN,
                                FORBIDDEN,
                                INVALID),
                        call(
                                "PATCH missing notebook",
                                w -> PATCH(w.notebook("missing"), Map.of("stopped", true)),
                                NOT_FOUND,
                                NOT_FOUND,
                                FORBIDDEN,
                                FORBIDDEN,
                                NOT_FOUND),
                        call(
                                "PATCH missing notebook with an edit",
                                w -> PATCH(w.notebook("missing"), Map.of("cpu", "1")),
                                NOT_FOUND,
                                NOT_FOUND,
                                FORBIDDEN,
                                FORBIDDEN,
                                NOT_FOUND),
                        call(
                                "DELETE missing notebook",
                                w -> DELETE(w.notebook("missing")),
                                NOT_FOUND,
                                NOT_FOUND,
                                FORBIDDEN,
                                FORBIDDEN,
                                NOT_FOUND),
                        call("GET notebook pod", w -> GET(w.notebook(SHARED) + "/pod"), OK, OK, OK, FORBIDDEN, OK),
                        call(
                                "GET notebook pod logs",
                                w -> GET(w.notebook(SHARED) + "/pod/" + SHARED + "-0/logs"),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        call(
                                "GET notebook events",
                                w -> GET(w.notebook(SHARED) + "/events"),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        call(
                                "GET poddefaults",
                                w -> GET("/api/namespaces/" + w.namespace() + "/poddefaults"),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        call(
                                "GET pvcs",
                                w -> GET("/api/namespaces/" + w.namespace() + "/pvcs"),
                                OK,
                                OK,
                                OK,
                                FORBIDDEN,
                                OK),
                        call("GET gpus", w -> GET("/api/gpus"), OK, OK, OK, OK, OK),
                        call("GET storage classes", w -> GET("/api/storageclasses"), OK, OK, OK, OK, OK),
                        call("GET default storage class", w -> GET("/api/storageclasses/default"), OK, OK, OK, OK, OK),
                        call("GET namespaces", w -> GET("/api/namespaces"), OK, OK, OK, OK, OK),
                        call("GET audit", w -> GET("/api/audit"), FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK))
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
            assertThat(reply.json())
                    .containsEntry("success", false)
                    .containsEntry("status", expected)
                    .containsKey("log");
        } else if (!endpoint.name().equals("GET audit")) {
            // the audit trail answers in the platform's page shape, as every service's
            assertThat(reply.json()).containsEntry("success", true).containsEntry("status", expected);
        }
        if (expected == FORBIDDEN) {
            assertThat(denialsOf(user)).as("the refusal is audited").isEqualTo(denialsBefore + 1);
        }
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                body("POST", "[]"),
                body("POST", "\"notebook\""),
                body("POST", "42"),
                body("POST", "null"),
                body("POST", "{"),
                body("POST", "{}"),
                body("POST", "{\"name\": 5}"),
                body("POST", "{\"name\": \"ok-name\", \"unknown\": 1}"),
                body("POST", "{\"name\": \"ok-name\", \"cpu\": {\"a\": 1}}"),
                body("POST", "{\"name\": \"ok-name\", \"cpu\": \"-1\"}"),
                body("POST", "{\"name\": \"ok-name\", \"cpu\": \"lots\"}"),
                body("POST", "{\"name\": \"ok-name\", \"memory\": \"1.5Tb\"}"),
                body("POST", "{\"name\": \"ok-name\", \"cpu\": \"2\", \"cpuLimit\": \"1\"}"),
                body("POST", "{\"name\": \"ok-name\", \"gpus\": \"many\"}"),
                body("POST", "{\"name\": \"ok-name\", \"gpus\": {\"num\": \"x\", \"vendor\": \"nvidia.com/gpu\"}}"),
                body("POST", "{\"name\": \"ok-name\", \"gpus\": {\"num\": \"1\", \"vendor\": \"nobody.com/gpu\"}}"),
                body("POST", "{\"name\": \"ok-name\", \"datavols\": \"data\"}"),
                body("POST", "{\"name\": \"ok-name\", \"datavols\": [\"data\"]}"),
                body("POST", "{\"name\": \"ok-name\", \"datavols\": [{\"mount\": \"/data\"}]}"),
                body("POST", "{\"name\": \"ok-name\", \"datavols\": [{\"mount\": 1, \"newPvc\": \"x\"}]}"),
                body("POST", "{\"name\": \"ok-name\", \"workspace\": {\"mount\": \"/home/jovyan\", \"newPvc\": 3}}"),
                body(
                        "POST",
                        "{\"name\": \"ok-name\", \"workspace\": {\"mount\": \"/home/jovyan\", \"existingSource\": []}}"),
                body("POST", "{\"name\": \"ok-name\", \"serverType\": \"emacs\"}"),
                body("POST", "{\"name\": \"ok-name\", \"imagePullPolicy\": \"Sometimes\"}"),
                body("POST", "{\"name\": \"ok-name\", \"configurations\": [1]}"),
                body("POST", "{\"name\": \"ok-name\", \"configurations\": \"add-gcp\"}"),
                body("POST", "{\"name\": \"ok-name\", \"shm\": \"yes\"}"),
                body("POST", "{\"name\": \"ok-name\", \"affinityConfig\": \"nowhere\"}"),
                body("POST", "{\"name\": \"ok-name\", \"tolerationGroup\": [\"a\"]}"),
                body("POST", "{\"name\": \"ok-name\", \"image\": \"\"}"),
                body("PATCH", "{}"),
                body("PATCH", "[]"),
                body("PATCH", "{"),
                body("PATCH", "{\"stopped\": \"yes\"}"),
                body("PATCH", "{\"stopped\": null}"),
                body("PATCH", "{\"name\": \"other\"}"),
                body("PATCH", "{\"workspace\": {}}"),
                body("PATCH", "{\"cpu\": {\"a\": 1}}"),
                body("PATCH", "{\"cpu\": \"lots\"}"),
                body("PATCH", "{\"memory\": \"-1Gi\"}"),
                body("PATCH", "{\"stopped\": true, \"image\": \"x\"}"),
                body("PATCH", "{\"datavols\": [{\"mount\": \"/data\"}]}"),
                body("PATCH", "{\"gpus\": {\"num\": \"2\", \"vendor\": \"nobody.com/gpu\"}}"));
    }

    @ParameterizedTest(name = "{0} {1} is a 4xx")
    @MethodSource("malformedBodies")
    void aMalformedBodyIsAClientErrorNeverAServerError(String method, String body) {
        MutableHttpRequest<String> request =
                "POST".equals(method) ? POST(world.notebooks(), body) : PATCH(world.notebook(SHARED), body);
        TestHttp.Reply reply = http.as(world.editor(), request.contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json()).containsEntry("success", false).containsKey("log");
    }

    @Test
    void aRequestWithCookiesMustCarryTheXsrfHeaderEqualToTheCookie() {
        Map<String, Object> bad = Map.of("name", "Not A Name");
        TestHttp.Reply missing =
                http.as(world.editor(), POST(world.notebooks(), bad).cookie(Cookie.of("XSRF-TOKEN", "t0k")));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(FORBIDDEN);
        assertThat(missing.json()).containsEntry("success", false);

        TestHttp.Reply otherCookie =
                http.as(world.editor(), POST(world.notebooks(), bad).cookie(Cookie.of("session", "s")));
        assertThat(otherCookie.status()).isEqualTo(FORBIDDEN);

        TestHttp.Reply mismatch = http.as(
                world.editor(),
                POST(world.notebooks(), bad)
                        .cookie(Cookie.of("XSRF-TOKEN", "t0k"))
                        .header("X-XSRF-TOKEN", "other"));
        assertThat(mismatch.status()).isEqualTo(FORBIDDEN);

        TestHttp.Reply matching = http.as(
                world.editor(),
                POST(world.notebooks(), bad)
                        .cookie(Cookie.of("XSRF-TOKEN", "t0k"))
                        .header("X-XSRF-TOKEN", "t0k"));
        assertThat(matching.status()).as("past the CSRF check to validation").isEqualTo(INVALID);

        assertThat(http.as(world.editor(), POST(world.notebooks(), bad)).status())
                .as("no cookies, no CSRF check")
                .isEqualTo(INVALID);
        assertThat(http.as(world.viewer(), GET(world.notebooks()).cookie(Cookie.of("XSRF-TOKEN", "t0k")))
                        .status())
                .as("reads are not checked")
                .isEqualTo(OK);
    }

    private String userOf(Who who) {
        return switch (who) {
            case OWNER -> world.owner();
            case EDITOR -> world.editor();
            case VIEWER -> world.viewer();
            case STRANGER -> world.stranger();
            case ADMIN -> Profiles.ADMIN;
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

    private static Arguments body(String method, String body) {
        return Arguments.of(method, body);
    }

    private static Endpoint call(String name, Function<Profiles, MutableHttpRequest<?>> request, int... expected) {
        return new Endpoint(name, request, expected);
    }

    record Endpoint(String name, Function<Profiles, MutableHttpRequest<?>> request, int[] expected) {

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
