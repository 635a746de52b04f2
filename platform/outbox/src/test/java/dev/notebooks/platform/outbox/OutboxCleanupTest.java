package dev.notebooks.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import dev.notebooks.platform.outbox.testapp.ChangeService;
import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import dev.notebooks.platform.outbox.testapp.TestTables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxCleanupTest implements TestPropertyProvider {

    @Inject
    OutboxCleanup cleanup;

    @Inject
    ChangeService changes;

    @Inject
    TestTables tables;

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    CloudEventCodec codec;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = OutboxTestApp.properties();
        properties.put("platform.outbox.sent-retention", "0s");
        properties.put("platform.outbox.processed-retention", "0s");
        return properties;
    }

    @Test
    void sentEventsAndProcessedIdsAreDeletedOnceTheirRetentionHasPassed() {
        String key = "cleanup-" + UUID.randomUUID();
        changes.change(key, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> tables.countPending() == 0);
        ReceivedEvent event = codec.decode(codec.encode(ChangeService.event(key, 1)));
        idempotentConsumer.process("billing", event, received -> {});

        cleanup.deleteExpired();

        assertThat(tables.countOutboxRows(key)).isZero();
        assertThat(idempotentConsumer.process("billing", event, received -> {}))
                .as("forgotten, so a delivery now counts as the first")
                .isTrue();
    }
}
