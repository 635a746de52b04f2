package dev.notebooks.auth.api;

import static dev.notebooks.auth.api.ApiTestProperties.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.auth.service.AccountService;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.testing.dex.DexDouble;
import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * auth-service with Dex tokens on and the identity header still accepted without one (the default), over real HTTP
 * with tokens a Dex double signs and whose keys it serves: the admin-only routes (audit, account listing, import,
 * deletion) stay admin-only whichever way the caller is named.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DexTokenApiTest implements TestPropertyProvider {

    private static final String ADMIN_GROUP = "platform-admins";

    /** Every admin-only route, each a fresh request (a request is sent once). */
    private static final List<Supplier<MutableHttpRequest<?>>> ADMIN_ONLY = List.of(
            () -> HttpRequest.GET("/api/audit"),
            () -> HttpRequest.GET("/api/accounts"),
            () -> HttpRequest.POST("/api/accounts/import", ""),
            () -> HttpRequest.DELETE("/api/accounts/" + ApiTestProperties.email("someone")));

    private final DexDouble dex = DexDouble.start("kubeflow-oidc-authservice");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    AuditLog auditLog;

    private Http http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ApiTestProperties.properties(true);
        properties.putAll(dex.properties());
        properties.put("platform.security.dex-tokens.admin-groups", ADMIN_GROUP);
        return properties;
    }

    @BeforeAll
    void connect() {
        http = new Http(client, jsonMapper);
    }

    @AfterAll
    void stopDex() {
        dex.close();
    }

    @Test
    void tokenOfASignedInNonAdminIsRefusedEveryAdminRouteAndTheRefusalIsAuditedUnderItsEmail() {
        String user = ApiTestProperties.email("token-user");
        String token = dex.token(user).groups("data-science").signed();

        for (Supplier<MutableHttpRequest<?>> route : ADMIN_ONLY) {
            TestHttp.Reply reply = withToken(token, route.get());

            assertThat(reply.status()).as(route.get().toString()).isEqualTo(403);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(auditLog.find(AuditQuery.newestFirst().withActor(user)).items())
                .extracting(AuditRecord::outcome)
                .hasSize(ADMIN_ONLY.size())
                .containsOnly(Outcome.DENIED);
    }

    @Test
    void headerOfASignedInNonAdminIsRefusedEveryAdminRoute() {
        String user = ApiTestProperties.email("header-user");

        for (Supplier<MutableHttpRequest<?>> route : ADMIN_ONLY) {
            assertThat(http.as(user, route.get()).status())
                    .as(route.get().toString())
                    .isEqualTo(403);
        }
    }

    @Test
    void withoutAnyIdentityEveryAdminRouteIs401() {
        for (Supplier<MutableHttpRequest<?>> route : ADMIN_ONLY) {
            TestHttp.Reply reply = http.as(null, route.get());

            assertThat(reply.status()).as(route.get().toString()).isEqualTo(401);
            assertThat((String) reply.json().get("detail")).contains("Authorization: Bearer");
        }
    }

    @Test
    void refusedTokenIs401EvenBesideTheAdminsHeader() {
        String expired = dex.token(ADMIN)
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .signed();

        for (Supplier<MutableHttpRequest<?>> route : ADMIN_ONLY) {
            TestHttp.Reply reply = http.as(ADMIN, route.get().bearerAuth(expired));

            assertThat(reply.status()).as(route.get().toString()).isEqualTo(401);
            assertThat(reply.text()).contains("expired").doesNotContain(expired);
        }
    }

    @Test
    void adminNamedByTokenEmailOrByGroupReadsTheAuditTrailAndTheAccounts() {
        String groupAdmin = ApiTestProperties.email("group-admin");

        for (String token : List.of(
                dex.token(ADMIN).signed(),
                dex.token(groupAdmin).groups(ADMIN_GROUP).signed())) {
            assertThat(withToken(token, HttpRequest.GET("/api/audit")).status()).isEqualTo(200);
            assertThat(withToken(token, HttpRequest.GET("/api/accounts")).status())
                    .isEqualTo(200);
        }
        assertThat(http.as(ADMIN, HttpRequest.GET("/api/audit")).status()).isEqualTo(200);
    }

    @Test
    void adminByTokenCreatesAnAccountAndIsItsAuditedActor() {
        String email = ApiTestProperties.email("created-by-token");

        TestHttp.Reply created = withToken(dex.token(ADMIN).signed(), newAccount(email));

        assertThat(created.status()).isEqualTo(201);
        assertThat(auditLog.find(AuditQuery.newestFirst().withResource(AccountService.KIND, null, email))
                        .items())
                .extracting(AuditRecord::actor)
                .contains(ADMIN);
    }

    @Test
    void selfRegistrationWithARefusedTokenIs401NotAnAnonymousSignUp() {
        String email = ApiTestProperties.email("forged-sign-up");

        TestHttp.Reply reply = withToken(dex.token(email).forged(), newAccount(email));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(http.as(ADMIN, HttpRequest.GET("/api/accounts/" + email)).status())
                .isEqualTo(404);
    }

    @Test
    void accountOwnerNamedByTokenReadsTheirOwnAccount() {
        String email = ApiTestProperties.email("self");
        assertThat(http.as(null, newAccount(email)).status()).isEqualTo(201);

        assertThat(withToken(dex.token(email).signed(), HttpRequest.GET("/api/accounts/" + email))
                        .status())
                .isEqualTo(200);
    }

    private TestHttp.Reply withToken(String token, MutableHttpRequest<?> request) {
        return http.as(null, request.bearerAuth(token));
    }

    private static MutableHttpRequest<?> newAccount(String email) {
        return HttpRequest.POST(
                        "/api/accounts",
                        Map.of(
                                "email",
                                email,
                                "username",
                                email.substring(0, email.indexOf('@')),
                                "password",
                                Secrets.password()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
