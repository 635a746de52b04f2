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
import io.micronaut.context.annotation.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code notebooks} and {@code volumes} topics, for the usage ledger, a poll at a time: the events of a poll that
 * are metering facts are applied in one transaction ({@link IdempotentConsumer#processAll}: their ids are remembered
 * in the transaction that writes the ledger, so a redelivered event is dropped; {@link UsageLedger#applyAll}: the
 * result of applying each in turn, in a few statements). Should the batch fail, its facts are applied one by one, each
 * in its own transaction, so one event that cannot be applied does not hold back the others; if one fails, the whole
 * poll is retried with a growing delay (those applied meanwhile are dropped as redeliveries). An event whose data
 * cannot be a fact (a quantity that is none) is logged and skipped, since retrying cannot mend it. Reading starts at
 * the earliest offset, so usage before this consumer first ran is metered too.
 */
@KafkaListener(
        // offsets committed after each batch, so a restart resumes after what was applied, not from the last
        // auto-commit
        offsetStrategy = OffsetStrategy.SYNC,
        groupId = UsageEventListener.CONSUMER,
        offsetReset = OffsetReset.EARLIEST,
        batch = true,
        properties = @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "1000"),
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
    void receive(List<ConsumerRecord<String, byte[]>> records) {
        Map<UUID, Fact> facts = new LinkedHashMap<>();
        List<ReceivedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            codec.readable(record).ifPresent(event -> fact(event).ifPresent(fact -> {
                LOG.debug("Received {} {} about {}", event.type(), event.id(), event.subject());
                facts.putIfAbsent(event.id(), fact);
                events.add(event);
            }));
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            idempotentConsumer.processAll(
                    CONSUMER,
                    events,
                    fresh -> ledger.applyAll(
                            fresh.stream().map(event -> facts.get(event.id())).toList()));
        } catch (RuntimeException e) {
            LOG.warn("Applying {} usage events together failed; applying them one by one", events.size(), e);
            for (ReceivedEvent event : events) {
                idempotentConsumer.process(CONSUMER, event, applied -> ledger.apply(facts.get(event.id())));
            }
        }
    }

    private static Optional<Fact> fact(ReceivedEvent event) {
        try {
            return UsageFacts.of(event);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping {} {}: not a metering fact ({})", event.type(), event.id(), e.getMessage());
            return Optional.empty();
        }
    }
}
