package dev.notebooks.auth.api;

import static dev.notebooks.auth.api.ApiTestProperties.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.notebooks.auth.service.AccountService;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.outbox.audit.Outcome;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The account API end to end over HTTP, against real PostgreSQL and Kafka: what each call answers, who may make it,
 * how bad input and repeated wrong passwords are refused. Dex's side (the Password objects, the ConfigMap) is
 * checked by the controller tests.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountApiTest implements TestPropertyProvider {

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
        return ApiTestProperties.properties(true);
    }

    @BeforeAll
    void connect() {
        http = new Http(client, jsonMapper);
    }

    @Test
    void anAdminCreatesListsReadsResetsAndDeletesAnAccount() {
        String email = ApiTestProperties.email("alice");
        String password = Secrets.password();

        TestHttp.Reply created = create(ADMIN, email.toUpperCase(), "Alice", password);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/accounts/" + email);
        assertThat(created.json())
                .containsEntry("email", email)
                .containsEntry("username", "Alice")
                .containsKeys("userId", "createdAt", "updatedAt")
                .doesNotContainKeys("hash", "password");
        TestHttp.Reply listed = http.as(ADMIN, HttpRequest.GET("/api/accounts?emailPrefix=" + email.substring(0, 12)));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.items()).extracting(item -> item.get("email")).containsExactly(email);
        assertThat(http.as(email, HttpRequest.GET("/api/accounts/" + email)).json())
                .containsEntry("userId", created.json().get("userId"));

        String newPassword = Secrets.password();
        assertThat(changePassword(email, email, password, newPassword).status()).isEqualTo(204);
        assertThat(changePassword(ADMIN, email, null, Secrets.password()).status())
                .as("an admin resets without the current password")
                .isEqualTo(204);

        assertThat(http.as(ADMIN, HttpRequest.DELETE("/api/accounts/" + email)).status())
                .isEqualTo(204);
        assertThat(http.as(ADMIN, HttpRequest.GET("/api/accounts/" + email)).status())
                .isEqualTo(404);
        assertThat(audit(email, null))
                .extracting(AuditRecord::action)
                .containsSubsequence(
                        AccountService.DELETE,
                        AccountService.CHANGE_PASSWORD,
                        AccountService.CHANGE_PASSWORD,
                        AccountService.CREATE);
    }

    @Test
    void anEmailTakenInAnyCaseIsAConflict() {
        String email = ApiTestProperties.email("bob");
        create(ADMIN, email, "Bob", Secrets.password());

        TestHttp.Reply again = create(ADMIN, email.toUpperCase(), "Bob again", Secrets.password());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
    }

    /** Writers of one account at the same moment take turns: each gets an answer that makes sense, never a 5xx. */
    @Test
    void concurrentWritersOfOneAccountTakeTurns() throws Exception {
        String email = ApiTestProperties.email("dana");
        List<Integer> creations = inParallel(
                8, i -> create(ADMIN, email, "Dana " + i, Secrets.password()).status());
        assertThat(creations)
                .as("%s", creations)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        assertThat(creations)
                .as("%s", creations)
                .filteredOn(status -> status == 409)
                .hasSize(7);

        List<Integer> writes = inParallel(
                8,
                i -> i == 4
                        ? http.as(ADMIN, HttpRequest.DELETE("/api/accounts/" + email))
                                .status()
                        : changePassword(ADMIN, email, null, Secrets.password()).status());
        assertThat(writes.get(4)).isEqualTo(204);
        assertThat(writes)
                .as("resets before the delete succeed, after it find nothing")
                .allMatch(status -> status == 204 || status == 404);
        assertThat(http.as(ADMIN, HttpRequest.GET("/api/accounts/" + email)).status())
                .isEqualTo(404);
    }

    @Test
    void policyViolationsNameTheFieldAndNeverTheRefusedPassword() {
        String email = ApiTestProperties.email("carol");
        String tooShort = Secrets.shortPassword();

        assertViolation(create(ADMIN, email, "Carol", tooShort), "password", tooShort);
        assertViolation(create(ADMIN, email, "Carol", Secrets.COMMON), "password", Secrets.COMMON);
        // not a secret: as the username it may be shown anywhere
        String username = "carol-the-great-" + System.nanoTime();
        assertThat(create(ADMIN, email, username, username).violations())
                .extracting(violation -> violation.get("field"))
                .containsExactly("password");

        String password = Secrets.password();
        create(ADMIN, email, "Carol", password);
        String alsoTooShort = Secrets.shortPassword();
        assertViolation(changePassword(email, email, password, alsoTooShort), "newPassword", alsoTooShort);
    }

    @Test
    void malformedAndMistypedBodiesAreNamedWithoutQuotingThem() {
        String password = Secrets.password();
        String email = ApiTestProperties.email("dave");

        TestHttp.Reply notJson = http.as(
                ADMIN,
                HttpRequest.POST("/api/accounts", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertViolation(notJson, "body", password);

        TestHttp.Reply mistyped = http.as(
                ADMIN,
                HttpRequest.POST(
                        "/api/accounts",
                        Map.of("email", email, "username", 42, "password", password, "extra", password)));
        assertThat(mistyped.status()).isEqualTo(422);
        assertThat(mistyped.violations())
                .extracting(violation -> violation.get("field"))
                .containsExactlyInAnyOrder("username", "extra");
        assertThat(mistyped.toString()).doesNotContain(password);

        assertViolation(
                http.as(ADMIN, HttpRequest.POST("/api/accounts", Map.of("email", email, "username", "Dave"))),
                "password",
                password);
    }

    @Test
    void onlyTheRightCallersReachEachEndpoint() {
        String self = ApiTestProperties.email("erin");
        String other = ApiTestProperties.email("frank");
        String password = Secrets.password();
        create(ADMIN, self, "Erin", password);
        create(ADMIN, other, "Frank", Secrets.password());
        String path = "/api/accounts/" + self;

        assertThat(create(other, ApiTestProperties.email("x"), "X", Secrets.password())
                        .status())
                .isEqualTo(403);
        assertThat(http.as(other, HttpRequest.GET("/api/accounts")).status()).isEqualTo(403);
        assertThat(http.as(null, HttpRequest.GET("/api/accounts")).status()).isEqualTo(401);
        assertThat(http.as(self, HttpRequest.GET(path)).status()).isEqualTo(200);
        assertThat(http.as(ADMIN, HttpRequest.GET(path)).status()).isEqualTo(200);
        assertThat(http.as(other, HttpRequest.GET(path)).status()).isEqualTo(403);
        assertThat(http.as(null, HttpRequest.GET(path)).status()).isEqualTo(401);
        assertThat(changePassword(other, self, password, Secrets.password()).status())
                .isEqualTo(403);
        assertThat(changePassword(null, self, password, Secrets.password()).status())
                .isEqualTo(401);
        assertThat(changePassword(self, self, null, Secrets.password()).status())
                .as("users give their current password")
                .isEqualTo(422);
        assertThat(http.as(self, HttpRequest.DELETE(path)).status()).isEqualTo(403);
        assertThat(http.as(null, HttpRequest.DELETE(path)).status()).isEqualTo(401);
        assertThat(http.as(other, HttpRequest.GET("/api/audit")).status()).isEqualTo(403);
        assertThat(http.as(null, HttpRequest.GET("/api/audit")).status()).isEqualTo(401);
        assertThat(http.as(ADMIN, HttpRequest.GET("/api/audit")).status()).isEqualTo(200);
        assertThat(audit(self, Outcome.DENIED)).isNotEmpty();
    }

    @Test
    void aCallerWithoutTheRightGets403WhateverTheBodyOnEveryWriteEndpoint() {
        String self = ApiTestProperties.email("ivan");
        String stranger = ApiTestProperties.email("judy");
        create(ADMIN, self, "Ivan", Secrets.password());
        create(ADMIN, stranger, "Judy", Secrets.password());
        String malformed = "{\"email\": 5, \"unknownField\": true}";

        assertThat(http.as(
                                stranger,
                                HttpRequest.POST("/api/accounts", malformed)
                                        .contentType(MediaType.APPLICATION_JSON_TYPE))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(
                                stranger,
                                HttpRequest.PUT("/api/accounts/" + self + "/password", malformed)
                                        .contentType(MediaType.APPLICATION_JSON_TYPE))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(
                                stranger,
                                HttpRequest.POST("/api/accounts/import", malformed)
                                        .contentType(MediaType.APPLICATION_JSON_TYPE))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void oneEmailsAccountEventsShareOneKeySoARecreatedAccountStaysInOrder() {
        String email = ApiTestProperties.email("kate");
        String firstId =
                (String) create(ADMIN, email, "Kate", Secrets.password()).json().get("userId");
        http.as(ADMIN, HttpRequest.DELETE("/api/accounts/" + email));
        String secondId =
                (String) create(ADMIN, email, "Kate", Secrets.password()).json().get("userId");

        EventTopicReader accounts = new EventTopicReader(Topics.ACCOUNTS);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(accounts.eventsAbout(email))
                .extracting(ReceivedEvent::type, ReceivedEvent::subject)
                .containsExactly(
                        tuple(AccountCreated.TYPE, firstId),
                        tuple(AccountDeleted.TYPE, firstId),
                        tuple(AccountCreated.TYPE, secondId)));
        assertThat(firstId).isNotEqualTo(secondId);
    }

    @Test
    void withSelfRegistrationOnAnyoneWithoutAnAccountRegistersThemselves() {
        String email = ApiTestProperties.email("grace");

        TestHttp.Reply registered = create(null, email, "Grace", Secrets.password());

        assertThat(registered.status()).isEqualTo(201);
        assertThat(audit(email, Outcome.ALLOWED)).singleElement().satisfies(record -> assertThat(record.actor())
                .isEqualTo(email));
    }

    @Test
    void repeatedWrongCurrentPasswordsForOneAccountAreRefusedWithRetryAfter() {
        String email = ApiTestProperties.email("heidi");
        String password = Secrets.password();
        create(ADMIN, email, "Heidi", password);
        String address = ApiTestProperties.address();

        for (int i = 0; i < ApiTestProperties.MAX_FAILURES_PER_ACCOUNT; i++) {
            TestHttp.Reply wrong = changePassword(email, address, email, Secrets.password(), Secrets.password());
            assertViolation(wrong, "currentPassword", password);
        }
        TestHttp.Reply refused = changePassword(email, address, email, password, Secrets.password());

        assertThat(refused.status()).as("even the right password waits").isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(audit(email, Outcome.FAILED)).hasSize(ApiTestProperties.MAX_FAILURES_PER_ACCOUNT);
        assertThat(audit(email, Outcome.DENIED)).hasSize(1);
    }

    @Test
    void repeatedWrongCurrentPasswordsFromOneCallerAreRefusedWhateverTheAccount() {
        String address = ApiTestProperties.address();
        for (int i = 0; i < ApiTestProperties.MAX_FAILURES_PER_CALLER; i++) {
            String email = ApiTestProperties.email("ivan");
            create(ADMIN, email, "Ivan", Secrets.password());
            assertThat(changePassword(email, address, email, Secrets.password(), Secrets.password())
                            .status())
                    .isEqualTo(422);
        }
        String email = ApiTestProperties.email("ivan");
        String password = Secrets.password();
        create(ADMIN, email, "Ivan", password);

        TestHttp.Reply refused = changePassword(email, address, email, password, Secrets.password());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(changePassword(email, ApiTestProperties.address(), email, password, Secrets.password())
                        .status())
                .as("from another address")
                .isEqualTo(204);
    }

    @Test
    void aWrongPasswordForAMissingAccountTakesABcryptCheckLikeAnExistingOne() {
        Duration bcrypt = ApiTestProperties.bcryptCheck();
        String existing = ApiTestProperties.email("judy");
        create(ADMIN, existing, "Judy", Secrets.password());
        String missing = ApiTestProperties.email("nobody");

        long existingNanos = timed(() -> changePassword(
                existing, ApiTestProperties.address(), existing, Secrets.password(), Secrets.password()));
        long missingNanos = timed(() ->
                changePassword(missing, ApiTestProperties.address(), missing, Secrets.password(), Secrets.password()));

        assertThat(Duration.ofNanos(existingNanos)).isGreaterThanOrEqualTo(bcrypt);
        assertThat(Duration.ofNanos(missingNanos))
                .as("no shortcut when the account does not exist")
                .isGreaterThanOrEqualTo(bcrypt);
    }

    private long timed(java.util.function.Supplier<TestHttp.Reply> call) {
        long start = System.nanoTime();
        TestHttp.Reply reply = call.get();
        long elapsed = System.nanoTime() - start;
        assertViolation(reply, "currentPassword", null);
        return elapsed;
    }

    /** Runs {@code calls} calls at once (released together) and returns their results in call order. */
    private static <T> List<T> inParallel(int calls, IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get(30, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }

    private TestHttp.Reply create(String caller, String email, String username, String password) {
        return http.as(
                caller,
                HttpRequest.POST("/api/accounts", Map.of("email", email, "username", username, "password", password)));
    }

    private TestHttp.Reply changePassword(String caller, String email, String current, String newPassword) {
        return changePassword(caller, "127.0.0.1", email, current, newPassword);
    }

    private TestHttp.Reply changePassword(
            String caller, String address, String email, String current, String newPassword) {
        Map<String, String> body = current == null
                ? Map.of("newPassword", newPassword)
                : Map.of("currentPassword", current, "newPassword", newPassword);
        return http.as(caller, address, HttpRequest.PUT("/api/accounts/" + email + "/password", body));
    }

    private static void assertViolation(TestHttp.Reply reply, String field, String refused) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.violations())
                .extracting(violation -> violation.get("field"))
                .contains(field);
        if (refused != null) {
            assertThat(reply.toString()).doesNotContain(refused);
        }
    }

    private List<AuditRecord> audit(String email, Outcome outcome) {
        AuditQuery query = AuditQuery.newestFirst().withResource(AccountService.KIND, null, email);
        return auditLog.find(outcome == null ? query : query.withOutcome(outcome))
                .items();
    }
}
