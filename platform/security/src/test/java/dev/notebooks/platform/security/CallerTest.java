package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Override
    public Map<String, String> getProperties() {
        return SecurityTestProperties.properties();
    }

    @Test
    void requestWithoutUserHeaderIsUnauthorizedProblem() {
        HttpClientResponseException rejected = call(HttpRequest.GET("/api/whoami"));

        assertUnauthenticatedProblem(rejected);
    }

    @Test
    void requestWithEmptyUserHeaderIsUnauthorizedProblem() {
        HttpClientResponseException rejected =
                call(HttpRequest.GET("/api/whoami").header("kubeflow-userid", ""));

        assertUnauthenticatedProblem(rejected);
    }

    @Test
    void headerWithOnlyThePrefixIsUnauthorizedProblem() {
        HttpClientResponseException rejected =
                call(HttpRequest.GET("/api/whoami").header("kubeflow-userid", SecurityTestProperties.USERID_PREFIX));

        assertUnauthenticatedProblem(rejected);
    }

    @Test
    void callerIsTheHeaderUserWithThePrefixStripped() {
        Caller caller = client().retrieve(
                        HttpRequest.GET("/api/whoami")
                                .header("kubeflow-userid", "accounts.google.com:alice@example.com"),
                        Caller.class);

        assertThat(caller).isEqualTo(new Caller("alice@example.com", false, "127.0.0.1"));
    }

    @Test
    void headerWithoutThePrefixNamesTheUserAsIs() {
        Caller caller = client().retrieve(
                        HttpRequest.GET("/api/whoami").header("kubeflow-userid", "alice@example.com"), Caller.class);

        assertThat(caller.user()).isEqualTo("alice@example.com");
    }

    @Test
    void configuredClusterAdminIsAdmin() {
        Caller caller = client().retrieve(
                        HttpRequest.GET("/api/whoami").header("kubeflow-userid", SecurityTestProperties.ADMIN),
                        Caller.class);

        assertThat(caller.admin()).isTrue();
    }

    @Test
    void healthAndOpenPathsNeedNoUserHeader() {
        assertThat(client().exchange(HttpRequest.GET("/health/liveness")).code())
                .isEqualTo(200);
        assertThat(client().exchange(HttpRequest.GET("/open/ping")).code()).isEqualTo(200);
    }

    @Test
    void controllerOutsideProtectedPathsThatTakesACallerStillNeedsOne() {
        HttpClientResponseException rejected = call(HttpRequest.GET("/open/whoami"));

        assertUnauthenticatedProblem(rejected);
    }

    private HttpClientResponseException call(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client().exchange(
                        request, Argument.STRING, Argument.mapOf(String.class, Object.class)));
    }

    private static void assertUnauthenticatedProblem(HttpClientResponseException rejected) {
        assertThat(rejected.code()).isEqualTo(401);
        assertThat(rejected.getResponse().getHeaders().contains("WWW-Authenticate"))
                .as("header mode asks for no token")
                .isFalse();
        assertThat(rejected.getResponse().getContentType())
                .hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(Problems.body(rejected))
                .containsEntry("type", UnauthenticatedException.TYPE.toString())
                .containsEntry("title", "Unauthenticated")
                .containsEntry("status", 401)
                .hasEntrySatisfying(
                        "detail", detail -> assertThat((String) detail).contains("kubeflow-userid"));
    }

    private BlockingHttpClient client() {
        return httpClient.toBlocking();
    }
}
