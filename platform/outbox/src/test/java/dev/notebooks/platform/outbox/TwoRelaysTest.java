package dev.notebooks.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.testapp.ChangeService;
import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import dev.notebooks.platform.outbox.testapp.TestTables;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two replicas of a service, each with its relay, share one outbox table. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoRelaysTest implements TestPropertyProvider {

    private static final int KEYS = 10;
    private static final int CHANGES_PER_KEY = 20;

    @Inject
    ApplicationContext replicaOne;

    ApplicationContext replicaTwo;

    @Inject
    TestTables tables;

    @Override
    public Map<String, String> getProperties() {
        return OutboxTestApp.properties();
    }

    @BeforeAll
    void startSecondReplica() {
        Map<String, Object> sameAsReplicaOne = new HashMap<>(OutboxTestApp.properties());
        sameAsReplicaOne.put("outbox-test.listener.enabled", "false"); // only the log is read here
        replicaTwo = ApplicationContext.run(sameAsReplicaOne, "test");
    }

    @AfterAll
    void stopSecondReplica() {
        replicaTwo.close();
    }

    @Test
    void twoRelaysNeverPublishTheSameEventTwice() {
        String run = "replicas-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ChangeService> services =
                List.of(replicaOne.getBean(ChangeService.class), replicaTwo.getBean(ChangeService.class));
        double publishedBefore = published(replicaOne) + published(replicaTwo);

        List<UUID> ids = new ArrayList<>();
        for (int sequence = 0; sequence < CHANGES_PER_KEY; sequence++) {
            for (int key = 0; key < KEYS; key++) {
                ids.add(services.get(key % 2).change(run + key, sequence));
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> tables.countPending() == 0);
        List<ReceivedEvent> log = OutboxTestApp.topicLog().eventsWithKeyPrefix(run);
        assertThat(log)
                .extracting(ReceivedEvent::id)
                .as("each event once in Kafka, duplicates not removed")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(published(replicaOne) + published(replicaTwo) - publishedBefore)
                .isEqualTo(ids.size());
        Map<String, List<Integer>> sequencesByKey = log.stream()
                .collect(Collectors.groupingBy(
                        ReceivedEvent::subject,
                        Collectors.mapping(event -> event.data().get("sequence").asInt(), Collectors.toList())));
        assertThat(sequencesByKey.values())
                .allSatisfy(sequences -> assertThat(sequences).isSorted());
    }

    private static double published(ApplicationContext replica) {
        return replica.getBean(MeterRegistry.class)
                .counter(OutboxMetrics.PUBLISHED)
                .count();
    }
}
