package dev.notebooks.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.testing.LocalPorts;
import dev.notebooks.platform.testing.http.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With no Kafka to reach the service is still ready: its events wait in the outbox until Kafka is back, so the gateway
 * keeps sending it requests. Readiness has no Kafka check, and no admin client is opened for one.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadyWhileKafkaIsAwayTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("kafka.bootstrap.servers", "127.0.0.1:" + LocalPorts.free())
                .build();
    }

    @Test
    void readinessAnswers200WithoutKafka() {
        TestHttp anonymous = new TestHttp(http, json);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        anonymous.as(null, HttpRequest.GET("/health/readiness")).status() == 200);
        assertThat(context.getBeansOfType(HealthIndicator.class))
                .extracting(indicator -> indicator.getClass().getName())
                .noneMatch(name -> name.toLowerCase().contains("kafka"));
    }
}
