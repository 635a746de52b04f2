package dev.notebooks.platform.outbox;

import dev.notebooks.platform.outbox.OutboxRelay.RelayPass;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the relay on its own thread from startup to shutdown: again at once while full batches keep coming, after the
 * poll interval once drained, after an exponential backoff when a pass fails. Also runs the cleanup.
 */
@Singleton
@Requires(property = OutboxConfiguration.PREFIX + ".relay-enabled", notEquals = "false")
class RelayScheduler implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RelayScheduler.class);

    private final OutboxRelay relay;
    private final OutboxCleanup cleanup;
    private final OutboxMetrics metrics;
    private final OutboxConfiguration configuration;
    private final Backoff backoff;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private Instant outageSince;

    RelayScheduler(OutboxRelay relay, OutboxCleanup cleanup, OutboxMetrics metrics, OutboxConfiguration configuration) {
        this.relay = relay;
        this.cleanup = cleanup;
        this.metrics = metrics;
        this.configuration = configuration;
        this.backoff = new Backoff(configuration.getInitialBackoff(), configuration.getMaxBackoff());
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        executor.execute(this::relayAndReschedule);
        long cleanupMillis = configuration.getCleanupInterval().toMillis();
        executor.scheduleWithFixedDelay(this::cleanup, cleanupMillis, cleanupMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void relayAndReschedule() {
        Duration pause = relayOnce();
        if (!executor.isShutdown()) {
            executor.schedule(this::relayAndReschedule, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration relayOnce() {
        try {
            RelayPass pass = relay.relayBatch();
            if (!pass.failed()) {
                recovered();
                return pass.published() == configuration.getBatchSize()
                        ? Duration.ZERO
                        : configuration.getPollInterval();
            }
            failed(pass.failure());
        } catch (RuntimeException e) {
            failed(e);
        }
        return backoff.nextDelay();
    }

    private void failed(Exception e) {
        metrics.failed();
        if (outageSince == null) {
            outageSince = Instant.now();
            LOG.warn("Outbox relay cannot publish, events stay pending and are retried with backoff: {}", e.toString());
        } else {
            LOG.debug("Outbox relay still cannot publish: {}", e.toString());
        }
    }

    private void recovered() {
        if (outageSince != null) {
            LOG.info("Outbox relay publishes again after {}", Duration.between(outageSince, Instant.now()));
            outageSince = null;
        }
        backoff.reset();
    }

    private void cleanup() {
        try {
            cleanup.deleteExpired();
        } catch (RuntimeException e) {
            LOG.warn("Outbox cleanup failed, retrying in {}: {}", configuration.getCleanupInterval(), e.toString());
        }
    }
}
