package dev.notebooks.platform.outbox.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.testapp.ChangeMade;
import dev.notebooks.platform.outbox.testapp.ChangeService;
import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import dev.notebooks.platform.outbox.testapp.TestTables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentConsumerTest implements TestPropertyProvider {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    TestTables tables;

    @Inject
    CloudEventCodec codec;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return OutboxTestApp.properties();
    }

    @Test
    void aRedeliveredEventIsDropped() {
        ReceivedEvent event = delivered(key());

        assertThat(idempotentConsumer.process("billing", event, this::apply)).isTrue();
        assertThat(idempotentConsumer.process("billing", event, this::apply)).isFalse();

        assertThat(tables.findReceived(event.subject())).containsExactly(event.subject() + ":1");
    }

    @Test
    void whenTheListenerFailsItsWriteAndTheEventIdRollBackTogether() {
        ReceivedEvent event = delivered(key());

        assertThatThrownBy(() -> idempotentConsumer.process("billing", event, received -> {
                    apply(received);
                    throw new IllegalStateException("the listener fails after its write");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tables.findReceived(event.subject())).isEmpty();

        assertThat(idempotentConsumer.process("billing", event, this::apply))
                .as("the redelivery is applied")
                .isTrue();
        assertThat(tables.findReceived(event.subject())).containsExactly(event.subject() + ":1");
    }

    @Test
    void aBatchHandsOnlyFirstDeliveriesToTheHandlerEachOnceInOrder() {
        ReceivedEvent seen = delivered(key());
        ReceivedEvent first = delivered(key());
        ReceivedEvent second = delivered(key());
        idempotentConsumer.process("billing", seen, this::apply);

        List<ReceivedEvent> handed = new ArrayList<>();
        List<ReceivedEvent> fresh =
                idempotentConsumer.processAll("billing", List.of(first, seen, second, first), events -> {
                    handed.addAll(events);
                    events.forEach(this::apply);
                });

        assertThat(handed).extracting(ReceivedEvent::id).containsExactly(first.id(), second.id());
        assertThat(fresh).isEqualTo(handed);
        assertThat(idempotentConsumer.processAll("billing", List.of(first, second), events -> {
                    throw new AssertionError("redeliveries reach the handler");
                }))
                .isEmpty();
        assertThat(tables.findReceived(first.subject())).containsExactly(first.subject() + ":1");
    }

    @Test
    void whenABatchsHandlerFailsNoneOfItsIdsIsRemembered() {
        ReceivedEvent first = delivered(key());
        ReceivedEvent second = delivered(key());

        assertThatThrownBy(() -> idempotentConsumer.processAll("billing", List.of(first, second), events -> {
                    events.forEach(this::apply);
                    throw new IllegalStateException("the listener fails after its writes");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(tables.findReceived(first.subject())).isEmpty();
        assertThat(idempotentConsumer.processAll(
                        "billing", List.of(second, first), events -> events.forEach(this::apply)))
                .extracting(ReceivedEvent::id)
                .containsExactly(second.id(), first.id());
    }

    @Test
    void eachConsumerRemembersTheEventsItProcessed() {
        ReceivedEvent event = delivered(key());

        assertThat(idempotentConsumer.process("billing", event, this::apply)).isTrue();
        assertThat(idempotentConsumer.process("metering", event, received -> {}))
                .isTrue();
    }

    @Test
    void firstDeliveryIsRememberedInTheListenersOwnTransaction() {
        UUID eventId = UUID.randomUUID();

        transactions.executeWrite(status -> {
            assertThat(idempotentConsumer.firstDelivery("billing", eventId)).isTrue();
            status.setRollbackOnly();
            return null;
        });

        assertThat(firstDeliveryInATransaction(eventId))
                .as("forgotten with the rolled-back transaction")
                .isTrue();
        assertThat(firstDeliveryInATransaction(eventId)).isFalse();
        assertThatThrownBy(() -> idempotentConsumer.firstDelivery("billing", eventId))
                .as("outside a transaction")
                .isInstanceOf(TransactionException.class);
    }

    private boolean firstDeliveryInATransaction(UUID eventId) {
        return transactions.executeWrite(status -> idempotentConsumer.firstDelivery("billing", eventId));
    }

    private ReceivedEvent delivered(String key) {
        return codec.decode(codec.encode(ChangeService.event(key, 1)));
    }

    private void apply(ReceivedEvent event) {
        ChangeMade change = event.dataAs(ChangeMade.class);
        tables.insertReceived(event.id(), change.key(), change.sequence());
    }

    private static String key() {
        return "consumer-" + UUID.randomUUID();
    }
}
