package dev.notebooks.profile.events.usage;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.UsageFacts;
import dev.notebooks.profile.service.usage.UsageLedger;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code notebooks} and {@code volumes} topics, for the usage ledger. Each event that is a metering fact is applied
 * once ({@link IdempotentConsumer}: its id is remembered in the transaction that writes the ledger); a failure rolls
 * both back and the event is retried with a growing delay. An event whose data cannot be a fact (a quantity that is
 * none) is logged and skipped, since retrying cannot mend it. Reading starts at the earliest offset, so usage before
 * this consumer first ran is metered too.
 */
@KafkaListener(
        // offsets committed after each batch, so a restart resumes after what was applied, not from the last
        // auto-commit
        offsetStrategy = OffsetStrategy.SYNC,
        groupId = UsageEventListener.CONSUMER,
        offsetReset = OffsetReset.EARLIEST,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                        retryCount = 10,
                        retryDelay = "1s"))
class UsageEventListener {

    static final String CONSUMER = "profile-service.usage";

    private static final Logger LOG = LoggerFactory.getLogger(UsageEventListener.class);

    private final CloudEventCodec codec;
    private final IdempotentConsumer idempotentConsumer;
    private final UsageLedger ledger;

    UsageEventListener(CloudEventCodec codec, IdempotentConsumer idempotentConsumer, UsageLedger ledger) {
        this.codec = codec;
        this.idempotentConsumer = idempotentConsumer;
        this.ledger = ledger;
    }

    @Topic({"${platform.events.topic-prefix:}notebooks", "${platform.events.topic-prefix:}volumes"})
    void receive(ConsumerRecord<String, byte[]> record) {
        codec.readable(record).ifPresent(this::apply);
    }

    private void apply(ReceivedEvent event) {
        LOG.debug("Received {} {} about {}", event.type(), event.id(), event.subject());
        Optional<Fact> fact;
        try {
            fact = UsageFacts.of(event);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping {} {}: not a metering fact ({})", event.type(), event.id(), e.getMessage());
            return;
        }
        fact.ifPresent(stated -> idempotentConsumer.process(CONSUMER, event, applied -> ledger.apply(stated)));
    }
}
