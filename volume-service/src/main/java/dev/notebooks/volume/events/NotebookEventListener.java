package dev.notebooks.volume.events;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.events.notebook.NotebookData;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import dev.notebooks.volume.service.VolumeUsage;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@code notebooks} topic: when each volume was last mounted. Every notebook event names the volumes the notebook
 * mounts; the notebook had them at the event's time (a start from then on, a stop or a cull until then), so each
 * event records that time as a use, keeping a later one (events may arrive late or twice; {@link IdempotentConsumer}
 * drops a second delivery).
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

    static final String CONSUMER = "volume-service.last-use";

    private static final Map<String, Class<? extends NotebookData>> TYPES = Map.of(
            NotebookCreated.TYPE, NotebookCreated.class,
            NotebookStarted.TYPE, NotebookStarted.class,
            NotebookStopped.TYPE, NotebookStopped.class,
            NotebookCulled.TYPE, NotebookCulled.class,
            NotebookDeleted.TYPE, NotebookDeleted.class);

    private final CloudEventCodec codec;
    private final IdempotentConsumer idempotentConsumer;
    private final VolumeUsage usage;

    NotebookEventListener(CloudEventCodec codec, IdempotentConsumer idempotentConsumer, VolumeUsage usage) {
        this.codec = codec;
        this.idempotentConsumer = idempotentConsumer;
        this.usage = usage;
    }

    @Topic("${platform.events.topic-prefix:}notebooks")
    void receive(ConsumerRecord<String, byte[]> record) {
        codec.readable(record).ifPresent(this::apply);
    }

    private void apply(ReceivedEvent event) {
        Class<? extends NotebookData> type = TYPES.get(event.type());
        if (type == null) {
            return;
        }
        idempotentConsumer.process(CONSUMER, event, received -> {
            NotebookData data = received.dataAs(type);
            if (data.volumes() != null && !data.volumes().isEmpty()) {
                usage.used(data.namespace(), data.volumes(), received.time());
            }
        });
    }
}
