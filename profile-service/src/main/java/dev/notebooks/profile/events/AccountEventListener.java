package dev.notebooks.profile.events;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.outbox.consumer.IdempotentConsumer;
import dev.notebooks.profile.service.RegistrationService;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@code accounts} topic, for {@link RegistrationService}. Each event is applied once ({@link IdempotentConsumer}); a
 * failure rolls back its audit record and event id together and the event is retried with a growing delay (1 s,
 * 2 s, ... about 17 minutes in all), so a Kubernetes API outage does not lose a registration. Reading starts at the
 * earliest offset, so accounts made before this service first ran get their profile too.
 */
@KafkaListener(
        // offsets committed after each batch, so a restart resumes after what was applied, not from the last
        // auto-commit
        offsetStrategy = OffsetStrategy.SYNC,
        groupId = AccountEventListener.CONSUMER,
        offsetReset = OffsetReset.EARLIEST,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                        retryCount = 10,
                        retryDelay = "1s"))
class AccountEventListener {

    static final String CONSUMER = "profile-service.registration";

    private final CloudEventCodec codec;
    private final IdempotentConsumer idempotentConsumer;
    private final RegistrationService registration;

    AccountEventListener(
            CloudEventCodec codec, IdempotentConsumer idempotentConsumer, RegistrationService registration) {
        this.codec = codec;
        this.idempotentConsumer = idempotentConsumer;
        this.registration = registration;
    }

    @Topic("${platform.events.topic-prefix:}accounts")
    void receive(ConsumerRecord<String, byte[]> record) {
        codec.readable(record).ifPresent(this::apply);
    }

    private void apply(ReceivedEvent event) {
        switch (event.type()) {
            case AccountCreated.TYPE ->
                idempotentConsumer.process(
                        CONSUMER, event, created -> registration.accountCreated(created.dataAs(AccountCreated.class)));
            case AccountDeleted.TYPE ->
                idempotentConsumer.process(
                        CONSUMER, event, deleted -> registration.accountDeleted(deleted.dataAs(AccountDeleted.class)));
            default -> {
                // password changes and the rest are not registration's business
            }
        }
    }
}
