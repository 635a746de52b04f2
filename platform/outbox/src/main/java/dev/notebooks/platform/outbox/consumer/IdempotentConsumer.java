package dev.notebooks.platform.outbox.consumer;

import dev.notebooks.platform.events.ReceivedEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Makes a Kafka listener idempotent: it remembers, per consumer name, the ids of the events it has applied, in the same
 * transaction as the listener's own writes. A redelivered event is then dropped, and a listener that fails forgets
 * the id together with its writes, so the redelivery is applied.
 *
 * <p>Only ids are remembered, not positions, so an event that arrives late (after a newer one for the same resource:
 * a retry, a rebalance, a replay) is still applied. Handlers therefore either apply facts that commute (add usage,
 * record a start and a stop) or compare the event's {@code time} with what they have stored and ignore an older one.
 */
@Singleton
public class IdempotentConsumer {

    private final ProcessedEventRepository repository;
    private final JdbcOperations jdbc;

    IdempotentConsumer(ProcessedEventRepository repository, JdbcOperations jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /**
     * Remembers the event id for the consumer in the current transaction.
     *
     * @return true the first time, false if it was applied before; when a concurrent delivery of the same event is
     *     being applied this waits for that transaction and returns false if it commits
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return repository.remember(consumer, eventId) == 1;
    }

    /**
     * Runs the handler if this is the event's first delivery to the consumer, in one transaction with remembering its
     * id (the caller's transaction if there is one). An exception from the handler rolls both back and propagates, so
     * the listener's error strategy can retry the event.
     *
     * @return whether the handler ran
     */
    @Transactional
    public boolean process(String consumer, ReceivedEvent event, Consumer<ReceivedEvent> handler) {
        if (repository.remember(consumer, event.id()) == 0) {
            return false;
        }
        handler.accept(event);
        return true;
    }

    /**
     * The batch form of {@link #process}: remembers the ids of all the events in one statement and runs the handler
     * once with those delivered for the first time (each once, in the given order), all in one transaction (the
     * caller's if there is one). An exception from the handler rolls back the whole batch and propagates.
     *
     * @return the events handed to the handler
     */
    @Transactional
    public List<ReceivedEvent> processAll(
            String consumer, List<ReceivedEvent> events, Consumer<List<ReceivedEvent>> handler) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<UUID> first =
                rememberAll(consumer, events.stream().map(ReceivedEvent::id).toList());
        List<ReceivedEvent> fresh = new ArrayList<>(first.size());
        for (ReceivedEvent event : events) {
            if (first.remove(event.id())) {
                fresh.add(event);
            }
        }
        if (!fresh.isEmpty()) {
            handler.accept(fresh);
        }
        return fresh;
    }

    /** @return the ids that were new for the consumer */
    private Set<UUID> rememberAll(String consumer, List<UUID> eventIds) {
        return jdbc.prepareStatement(
                "insert into processed_event (consumer, event_id) select ?, id from unnest(?) as id"
                        + " on conflict do nothing returning event_id",
                statement -> {
                    statement.setString(1, consumer);
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", eventIds.toArray()));
                    Set<UUID> inserted = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            inserted.add(rows.getObject(1, UUID.class));
                        }
                    }
                    return inserted;
                });
    }

    /** Forgets ids processed before the given time; the outbox cleanup calls it with the configured retention. */
    @Transactional
    public int forgetProcessedBefore(Instant before) {
        return repository.deleteProcessedBefore(before);
    }
}
