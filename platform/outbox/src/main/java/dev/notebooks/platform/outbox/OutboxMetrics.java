package dev.notebooks.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's meters. The gauges read the table when they are scraped, so every replica reports the same backlog
 * whichever one relays.
 */
@Singleton
class OutboxMetrics {

    static final String PENDING = "outbox.pending";
    static final String OLDEST_PENDING_AGE = "outbox.pending.oldest.age";
    static final String PUBLISHED = "outbox.published";
    static final String FAILURES = "outbox.publish.failures";

    private final Counter published;
    private final Counter failures;

    OutboxMetrics(MeterRegistry registry, OutboxEventRepository repository) {
        Gauge.builder(PENDING, repository, OutboxEventRepository::countPending)
                .description("events written to the outbox and not yet acknowledged by Kafka")
                .strongReference(true)
                .register(registry);
        TimeGauge.builder(OLDEST_PENDING_AGE, repository, TimeUnit.MILLISECONDS, OutboxMetrics::oldestPendingAgeMillis)
                .description("how long the oldest pending event has been waiting")
                .strongReference(true)
                .register(registry);
        published = Counter.builder(PUBLISHED)
                .description("events published to Kafka and acknowledged")
                .register(registry);
        failures = Counter.builder(FAILURES)
                .description("relay passes that could not publish (Kafka or database unavailable)")
                .register(registry);
    }

    void published(int events) {
        published.increment(events);
    }

    void failed() {
        failures.increment();
    }

    private static double oldestPendingAgeMillis(OutboxEventRepository repository) {
        return repository
                .findOldestPendingCreatedAt()
                .map(oldest -> Duration.between(oldest, Instant.now()).toMillis())
                .orElse(0L);
    }
}
