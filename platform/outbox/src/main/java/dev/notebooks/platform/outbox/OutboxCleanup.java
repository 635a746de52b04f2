package dev.notebooks.platform.outbox;

import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes sent events and processed event ids once their retention has passed. */
@Singleton
class OutboxCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxCleanup.class);

    private final OutboxEventRepository outbox;
    private final IdempotentConsumer consumer;
    private final OutboxConfiguration configuration;

    OutboxCleanup(OutboxEventRepository outbox, IdempotentConsumer consumer, OutboxConfiguration configuration) {
        this.outbox = outbox;
        this.consumer = consumer;
        this.configuration = configuration;
    }

    void deleteExpired() {
        Instant now = Instant.now();
        int events = outbox.deleteSentBefore(now.minus(configuration.getSentRetention()));
        int ids = consumer.forgetProcessedBefore(now.minus(configuration.getProcessedRetention()));
        LOG.debug("Outbox cleanup deleted {} sent events and {} processed event ids", events, ids);
    }
}
