package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Dex tokens on with {@code header-fallback: false}: the identity header names nobody any more. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DexTokensOnlyTest implements TestPropertyProvider {

    private static final String ALICE = "alice@example.com";

    private final DexDouble dex = DexDouble.start("kubeflow-oidc-authservice");

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SecurityTestProperties.properties();
        properties.putAll(dex.properties());
        properties.put("platform.security.dex-tokens.header-fallback", "false");
        return properties;
    }

    @AfterAll
    void stopDex() {
        dex.close();
    }

    @Test
    void headerAloneIsUnauthenticatedAndTheProblemAsksForAToken() {
        HttpClientResponseException rejected =
                call(HttpRequest.GET("/api/whoami").header("kubeflow-userid", SecurityTestProperties.ADMIN));

        assertThat(rejected.code()).isEqualTo(401);
        assertThat(Problems.body(rejected))
                .containsEntry("type", UnauthenticatedException.TYPE.toString())
                .hasEntrySatisfying("detail", detail -> assertThat((String) detail)
                        .contains("Authorization: Bearer")
                        .doesNotContain("kubeflow-userid"));
    }

    @Test
    void headerCannotReachAnAdminOnlyRoute() {
        assertThat(call(HttpRequest.POST("/api/images/jupyter", "")
                                .header("kubeflow-userid", SecurityTestProperties.ADMIN))
                        .code())
                .isEqualTo(401);
    }

    @Test
    void tokenNamesTheCaller() {
        Caller caller = client().retrieve(
                        HttpRequest.GET("/api/whoami")
                                .bearerAuth(dex.token(ALICE).signed()),
                        Caller.class);

        assertThat(caller.user()).isEqualTo(ALICE);
    }

    @Test
    void adminOnlyRouteRefusesASignedInNonAdminAndLetsTheAdminIn() {
        HttpClientResponseException forbidden = call(HttpRequest.POST("/api/images/jupyter", "")
                .bearerAuth(dex.token(ALICE).signed()));

        assertThat(forbidden.code()).isEqualTo(403);
        assertThat(client().exchange(HttpRequest.POST("/api/images/jupyter", "")
                                .bearerAuth(
                                        dex.token(SecurityTestProperties.ADMIN).signed()))
                        .code())
                .isEqualTo(200);
    }

    private HttpClientResponseException call(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client().exchange(
                        request, Argument.STRING, Argument.mapOf(String.class, Object.class)));
    }

    private BlockingHttpClient client() {
        return httpClient.toBlocking();
    }
}
