package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.notebooks.platform.testing.dex.DexDouble;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Dex tokens on, the identity header still accepted without a token (the default), through the real HTTP server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DexTokenCallerTest implements TestPropertyProvider {

    private static final String ALICE = "alice@example.com";
    private static final String PLATFORM_ADMINS = "platform-admins";

    private final DexDouble dex = DexDouble.start("kubeflow-oidc-authservice");

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SecurityTestProperties.properties();
        properties.putAll(dex.properties());
        properties.put("platform.security.dex-tokens.admin-groups", PLATFORM_ADMINS);
        // no rate limit here: DexTokenVerifierTest proves it; tests here rotate keys in any order
        properties.put("platform.security.dex-tokens.jwks-refresh-min-interval", "1ms");
        return properties;
    }

    @AfterAll
    void stopDex() {
        dex.close();
    }

    @Test
    void validTokenNamesTheCallerByEmailWithGroups() {
        Caller caller = whoami(bearer(dex.token(ALICE).groups("data-science").signed()));

        assertThat(caller).isEqualTo(new Caller(ALICE, false, "127.0.0.1", List.of("data-science")));
    }

    @Test
    void es256TokenNamesTheCaller() {
        assertThat(whoami(bearer(dex.token(ALICE).signedEs256())).user()).isEqualTo(ALICE);
    }

    @Test
    void tokenWinsOverTheHeader() {
        MutableHttpRequest<?> request =
                bearer(dex.token(ALICE).signed()).header("kubeflow-userid", SecurityTestProperties.ADMIN);

        assertThat(whoami(request)).extracting(Caller::user, Caller::admin).containsExactly(ALICE, false);
    }

    @Test
    void withoutATokenTheHeaderStillNamesTheCaller() {
        assertThat(whoami(HttpRequest.GET("/api/whoami").header("kubeflow-userid", ALICE)))
                .isEqualTo(new Caller(ALICE, false, "127.0.0.1"));
    }

    @Test
    void anotherAuthorizationSchemeIsNotOurs() {
        MutableHttpRequest<?> request =
                HttpRequest.GET("/api/whoami").basicAuth("alice", "secret").header("kubeflow-userid", ALICE);

        assertThat(whoami(request).user()).isEqualTo(ALICE);
    }

    @Test
    void invalidTokenIsRefusedAndNeverFallsBackToTheHeader() {
        String token = dex.token(ALICE)
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .signed();

        HttpClientResponseException rejected =
                call(bearer(token).header("kubeflow-userid", SecurityTestProperties.ADMIN));

        assertRefusedToken(rejected, token, "expired");
    }

    @Test
    void everyKindOfBadTokenIsA401SayingWhy() {
        Map<String, String> reasonByToken = Map.of(
                dex.token(ALICE).issuer("https://elsewhere.example.com/dex").signed(),
                "issuer",
                dex.token(ALICE).audience("another-client").signed(),
                "another client",
                dex.token(ALICE)
                        .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                        .signed(),
                "expired",
                dex.token(ALICE).forged(),
                "signature",
                dex.token(ALICE).signedWith(dex.unpublishedKey()),
                "key",
                dex.token(ALICE).unsigned(),
                "unsigned",
                dex.token(ALICE).hmacSigned("the-client-secret-that-is-32-bytes!"),
                "algorithm",
                dex.token(ALICE).claim("email", null).signed(),
                "no email",
                dex.token(ALICE).claim("email_verified", false).signed(),
                "not verified",
                "garbage",
                "well-formed");

        reasonByToken.forEach((token, reason) -> assertRefusedToken(call(bearer(token)), token, reason));
    }

    @Test
    void emptyBearerIsRefused() {
        HttpClientResponseException rejected =
                call(HttpRequest.GET("/api/whoami").header("Authorization", "Bearer "));

        assertThat(rejected.code()).isEqualTo(401);
    }

    @Test
    void rotatedKeyIsAccepted() {
        whoami(bearer(dex.token(ALICE).signed()));
        dex.rotate();

        assertThat(whoami(bearer(dex.token(ALICE).signed())).user()).isEqualTo(ALICE);
    }

    @Test
    void adminGroupMemberIsAClusterAdmin() {
        String token = dex.token(ALICE).groups("data-science", PLATFORM_ADMINS).signed();

        assertThat(whoami(bearer(token)).admin()).isTrue();
        assertThat(client().exchange(bearer(token, HttpRequest.POST("/api/images/jupyter", "")))
                        .code())
                .isEqualTo(200);
    }

    @Test
    void configuredAdminEmailIsAClusterAdminByToken() {
        assertThat(whoami(bearer(dex.token(SecurityTestProperties.ADMIN).signed()))
                        .admin())
                .isTrue();
    }

    @Test
    void adminOnlyRouteRefusesASignedInNonAdminAnd401sWithoutIdentity() {
        HttpClientResponseException forbidden = call(
                bearer(dex.token(ALICE).groups("data-science").signed(), HttpRequest.POST("/api/images/jupyter", "")));
        HttpClientResponseException unauthenticated = call(HttpRequest.POST("/api/images/jupyter", ""));

        assertThat(forbidden.code()).isEqualTo(403);
        assertThat(unauthenticated.code()).isEqualTo(401);
        assertThat(unauthenticated.getResponse().getHeaders().get("WWW-Authenticate"))
                .isEqualTo("Bearer");
        assertThat(Problems.body(unauthenticated)).hasEntrySatisfying("detail", detail -> assertThat((String) detail)
                .contains("Authorization: Bearer")
                .contains("kubeflow-userid"));
    }

    @Test
    void openPathsIgnoreABadTokenButRoutesThatTakeACallerRefuseIt() {
        String token = dex.token(ALICE).unsigned();

        assertThat(client().exchange(bearer(token, HttpRequest.GET("/open/ping")))
                        .code())
                .isEqualTo(200);
        assertThat(client().exchange(bearer(token, HttpRequest.GET("/health/liveness")))
                        .code())
                .isEqualTo(200);
        assertRefusedToken(call(bearer(token, HttpRequest.GET("/open/whoami"))), token, "unsigned");
    }

    @Test
    void refusedTokensNeverReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger security = (Logger) LoggerFactory.getLogger("dev.notebooks.platform.security");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        Level level = security.getLevel();
        security.setLevel(Level.DEBUG);
        String token = dex.token(ALICE).forged();
        try {
            call(bearer(token));
            call(bearer(token, HttpRequest.GET("/open/whoami")));
        } finally {
            security.setLevel(level);
            root.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty();
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains(token) || message.contains(token.split("\\.")[2]));
    }

    private void assertRefusedToken(HttpClientResponseException rejected, String token, String reason) {
        assertThat(rejected.code()).as(reason).isEqualTo(401);
        assertThat(rejected.getResponse().getContentType())
                .hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        Map<String, Object> problem = Problems.body(rejected);
        assertThat(problem)
                .containsEntry("type", UnauthenticatedException.TYPE.toString())
                .containsEntry("status", 401)
                .hasEntrySatisfying("detail", detail -> assertThat((String) detail)
                        .as(reason)
                        .contains("bearer token")
                        .contains(reason));
        assertThat(problem.toString()).doesNotContain(token);
        assertThat(rejected.getResponse().getHeaders().get("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"invalid_token\"");
    }

    private static MutableHttpRequest<?> bearer(String token) {
        return bearer(token, HttpRequest.GET("/api/whoami"));
    }

    private static MutableHttpRequest<?> bearer(String token, MutableHttpRequest<?> request) {
        return request.bearerAuth(token);
    }

    private Caller whoami(MutableHttpRequest<?> request) {
        return client().retrieve(request, Caller.class);
    }

    private HttpClientResponseException call(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client().exchange(
                        request, Argument.STRING, Argument.mapOf(String.class, Object.class)));
    }

    private BlockingHttpClient client() {
        return httpClient.toBlocking();
    }
}
