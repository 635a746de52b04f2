package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Health shows its status to anyone and its details (JDBC URL, disk figures) only to a cluster admin. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthDetailsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SecurityTestProperties.properties());
        properties.put("endpoints.health.sensitive", "false");
        properties.put("endpoints.health.details-visible", "AUTHENTICATED");
        return properties;
    }

    @Test
    void anAnonymousCallerOrAUserSeesTheStatusOnly() {
        assertThat(readiness(HttpRequest.GET("/health/readiness")))
                .containsKey("status")
                .doesNotContainKey("details");
        assertThat(readiness(HttpRequest.GET("/health/readiness")
                        .header("kubeflow-userid", SecurityTestProperties.USERID_PREFIX + "alice@example.com")))
                .containsKey("status")
                .doesNotContainKey("details");
        assertThat(readiness(HttpRequest.GET("/health"))).containsKey("status").doesNotContainKey("details");
    }

    @Test
    void aClusterAdminSeesTheDetails() {
        assertThat(readiness(HttpRequest.GET("/health/readiness")
                        .header(
                                "kubeflow-userid",
                                SecurityTestProperties.USERID_PREFIX + SecurityTestProperties.ADMIN)))
                .containsKeys("status", "details");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readiness(MutableHttpRequest<?> request) {
        return httpClient.toBlocking().retrieve(request, Argument.of(Map.class));
    }
}
