package dev.notebooks.platform.outbox.testapp;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumer as every real one writes it: its own write and the event id in one transaction. */
// a failed event is retried, not skipped: the listener's writes and the event id rolled back together
@KafkaListener(
        groupId = ChangeListener.NAME,
        offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 10))
@Requires(property = "outbox-test.listener.enabled", notEquals = "false")
public class ChangeListener {

    public static final String NAME = "outbox-test-listener";

    private final CloudEventCodec codec;
    private final IdempotentConsumer idempotentConsumer;
    private final TestTables tables;

    ChangeListener(CloudEventCodec codec, IdempotentConsumer idempotentConsumer, TestTables tables) {
        this.codec = codec;
        this.idempotentConsumer = idempotentConsumer;
        this.tables = tables;
    }

    @Topic("${platform.events.topic-prefix}notebooks")
    void receive(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = codec.decode(record);
        idempotentConsumer.process(NAME, event, received -> {
            ChangeMade change = received.dataAs(ChangeMade.class);
            tables.insertReceived(received.id(), change.key(), change.sequence());
        });
    }
}
