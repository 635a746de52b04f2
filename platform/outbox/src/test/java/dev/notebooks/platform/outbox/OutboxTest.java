package dev.notebooks.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.testapp.ChangeMade;
import dev.notebooks.platform.outbox.testapp.ChangeService;
import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import dev.notebooks.platform.outbox.testapp.TestTables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxTest implements TestPropertyProvider {

    @Inject
    ChangeService changes;

    @Inject
    TestTables tables;

    @Inject
    Outbox outbox;

    @Override
    public Map<String, String> getProperties() {
        return OutboxTestApp.properties();
    }

    @Test
    void aChangeWhoseTransactionRollsBackPublishesNothing() {
        String run = run();

        assertThatThrownBy(() -> changes.changeThenFail(run + "rolled-back", 0))
                .isInstanceOf(IllegalStateException.class);
        changes.change(run + "committed", 0);

        assertThat(tables.countChanges(run + "%")).isOne();
        assertThat(tables.countOutboxRows(run + "rolled-back")).isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tables.findReceived(run + "%"), received -> !received.isEmpty());
        assertThat(tables.findReceived(run + "%")).containsExactly(run + "committed:0");
        assertThat(OutboxTestApp.topicLog().eventsWithKeyPrefix(run))
                .extracting(ReceivedEvent::subject)
                .containsExactly(run + "committed");
    }

    @Test
    void publishingOutsideATransactionIsRejectedAndStoresNothing() {
        String key = run() + "no-transaction";

        assertThatThrownBy(() -> outbox.publish(ChangeService.event(key, 0)))
                .isInstanceOf(TransactionException.class)
                .hasMessageContaining("mandatory");
        assertThat(tables.countOutboxRows(key)).isZero();
    }

    @Test
    void theRecordInKafkaIsTheCloudEventThatWasPublishedKeyedByItsSubject() {
        String key = run() + "envelope";

        UUID id = changes.change(key, 7);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> OutboxTestApp.topicLog().eventsWithKeyPrefix(key), events -> !events.isEmpty());
        List<ReceivedEvent> events = OutboxTestApp.topicLog().eventsWithKeyPrefix(key);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.source()).isEqualTo("outbox-test");
            assertThat(event.type()).isEqualTo(ChangeMade.TYPE);
            assertThat(event.subject()).isEqualTo(key);
            assertThat(event.dataAs(ChangeMade.class).sequence()).isEqualTo(7);
        });
    }

    private static String run() {
        return "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
