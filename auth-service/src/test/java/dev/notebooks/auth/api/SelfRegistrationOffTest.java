package dev.notebooks.auth.api;

import static dev.notebooks.auth.api.ApiTestProperties.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With self-registration off (the default), creating an account needs an admin. */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfRegistrationOffTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Override
    public Map<String, String> getProperties() {
        return ApiTestProperties.properties(false);
    }

    @Test
    void aRequestWithoutAUserCannotCreateAnAccount() {
        Http http = new Http(client, jsonMapper);
        Map<String, String> account =
                Map.of("email", ApiTestProperties.email("mallory"), "username", "M", "password", Secrets.password());

        TestHttp.Reply anonymous = http.as(null, HttpRequest.POST("/api/accounts", account));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        assertThat(http.as(ADMIN, HttpRequest.POST("/api/accounts", account)).status())
                .isEqualTo(201);
    }
}
