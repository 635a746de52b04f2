package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** On the management port (the one probes and Prometheus reach, never the gateway) health shows its details. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthOnManagementPortTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Override
    public Map<String, String> getProperties() {
        String port = Integer.toString(freePort());
        Map<String, String> properties = new HashMap<>(SecurityTestProperties.properties());
        properties.put("endpoints.health.sensitive", "false");
        properties.put("endpoints.health.details-visible", "AUTHENTICATED");
        properties.put("micronaut.server.port", port);
        properties.put("platform.security.management-port", port);
        return properties;
    }

    @Test
    void anAnonymousCallerOnTheManagementPortSeesTheDetails() {
        @SuppressWarnings("unchecked")
        Map<String, Object> readiness =
                httpClient.toBlocking().retrieve(HttpRequest.GET("/health/readiness"), Argument.of(Map.class));

        assertThat(readiness).containsKeys("status", "details");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
