package dev.notebooks.catalog.events;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@code notebooks} topic: which image each notebook runs, so that an image in use is not removed by accident.
 * Each event is applied once ({@link IdempotentConsumer}); reading starts at the earliest offset so notebooks created
 * before this service first ran are counted too.
 */
@KafkaListener(
        // offsets committed after each batch, so a restart resumes after what was applied, not from the last
        // auto-commit
        offsetStrategy = OffsetStrategy.SYNC,
        groupId = NotebookEventListener.CONSUMER,
        offsetReset = OffsetReset.EARLIEST,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                        retryCount = 10,
                        retryDelay = "1s"))
class NotebookEventListener {

    static final String CONSUMER = "image-catalog-service.usage";

    private final CloudEventCodec codec;
    private final IdempotentConsumer idempotentConsumer;
    private final ImageUsage usage;

    NotebookEventListener(CloudEventCodec codec, IdempotentConsumer idempotentConsumer, ImageUsage usage) {
        this.codec = codec;
        this.idempotentConsumer = idempotentConsumer;
        this.usage = usage;
    }

    @Topic("${platform.events.topic-prefix:}notebooks")
    void receive(ConsumerRecord<String, byte[]> record) {
        codec.readable(record).ifPresent(this::apply);
    }

    private void apply(ReceivedEvent event) {
        switch (event.type()) {
            case NotebookCreated.TYPE ->
                idempotentConsumer.process(
                        CONSUMER,
                        event,
                        created -> usage.created(created.dataAs(NotebookCreated.class), created.time()));
            case NotebookUpdated.TYPE ->
                idempotentConsumer.process(
                        CONSUMER,
                        event,
                        updated -> usage.updated(updated.dataAs(NotebookUpdated.class), updated.time()));
            case NotebookDeleted.TYPE ->
                idempotentConsumer.process(
                        CONSUMER,
                        event,
                        deleted -> usage.deleted(deleted.dataAs(NotebookDeleted.class), deleted.time()));
            default -> {
                // starts, stops, culls and failures do not change which image a notebook runs
            }
        }
    }
}
