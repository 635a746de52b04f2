package dev.notebooks.platform.outbox;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.Topics;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Where a service puts the events its changes announce. The event is stored in the caller's transaction, so it
 * reaches Kafka (through the relay) if and only if the change commits.
 */
@Singleton
public class Outbox {

    private final OutboxEventRepository repository;
    private final CloudEventCodec codec;
    private final Topics topics;

    Outbox(OutboxEventRepository repository, CloudEventCodec codec, Topics topics) {
        this.repository = repository;
        this.codec = codec;
        this.topics = topics;
    }

    /**
     * Stores the event for publication to its type's topic, keyed by {@link PlatformEvent#key()}.
     *
     * @throws io.micronaut.transaction.exceptions.TransactionException when called outside a transaction: an event
     *     without the change it announces is a programming error
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(PlatformEvent<?> event) {
        repository.insert(event.id(), topics.forType(event.type()), event.key(), event.type(), codec.encode(event));
    }
}
