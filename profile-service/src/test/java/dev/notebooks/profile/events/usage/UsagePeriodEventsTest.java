package dev.notebooks.profile.events.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventSchemas;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.usage.UsageCorrected;
import dev.notebooks.platform.events.usage.UsagePeriodClosed;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import dev.notebooks.profile.ProfileServiceFixtures;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Closed periods on the {@code usage} topic: one {@code usage.period-closed.v1} per profile and hour once the hour
 * is over, and a {@code usage.corrected.v1} when a late stop changes hours already published; both match their
 * schemas.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsagePeriodEventsTest implements TestPropertyProvider {

    private static final Duration PUBLISHED = Duration.ofSeconds(60);

    private final EventTopicWriter notebooks = new EventTopicWriter(Topics.NOTEBOOKS);
    private final EventTopicReader usage = new EventTopicReader(Topics.USAGE);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ProfileServiceFixtures.properties();
        properties.put("usage.close-check-interval", "200ms");
        properties.put("usage.close-delay", "0s");
        return properties;
    }

    @AfterAll
    void closeProducer() {
        notebooks.close();
    }

    @Test
    void closedHoursArePublishedAndALateStopCorrectsThem() {
        String profile = ProfileServiceFixtures.uniqueName("billed");
        Instant ten = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        NotebookResources resources = new NotebookResources("2", "1Gi", null, null, Gpu.none());
        notebooks.publish(event(
                profile,
                ten.plus(15, ChronoUnit.MINUTES),
                new NotebookStarted(
                        Actor.api("alice@example.com"),
                        profile,
                        "train",
                        "jupyter",
                        ServerType.JUPYTER,
                        resources,
                        List.of())));

        ReceivedEvent closed = await().atMost(PUBLISHED)
                .until(() -> find(profile, UsagePeriodClosed.TYPE, ten.plus(1, ChronoUnit.HOURS)), Optional::isPresent)
                .orElseThrow();
        assertThat(closed.dataAs(UsagePeriodClosed.class).totals().cpuCoreSeconds())
                .as("a whole hour of 2 cores, still running")
                .isEqualTo("7200");
        assertThat(find(profile, UsagePeriodClosed.TYPE, ten)
                        .orElseThrow()
                        .dataAs(UsagePeriodClosed.class)
                        .totals()
                        .cpuCoreSeconds())
                .isEqualTo("5400");

        notebooks.publish(event(
                profile,
                ten.plus(45, ChronoUnit.MINUTES),
                new NotebookStopped(
                        Actor.api("alice@example.com"),
                        profile,
                        "train",
                        "jupyter",
                        ServerType.JUPYTER,
                        resources,
                        List.of(),
                        "late",
                        null)));

        UsageCorrected first = await().atMost(PUBLISHED)
                .until(() -> find(profile, UsageCorrected.TYPE, ten), Optional::isPresent)
                .orElseThrow()
                .dataAs(UsageCorrected.class);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.previous().cpuCoreSeconds()).isEqualTo("5400");
        assertThat(first.totals().cpuCoreSeconds()).isEqualTo("3600");
        assertThat(first.causeType()).isEqualTo(NotebookStopped.TYPE);
        UsageCorrected next = await().atMost(PUBLISHED)
                .until(() -> find(profile, UsageCorrected.TYPE, ten.plus(1, ChronoUnit.HOURS)), Optional::isPresent)
                .orElseThrow()
                .dataAs(UsageCorrected.class);
        assertThat(next.previous().cpuCoreSeconds()).isEqualTo("7200");
        assertThat(next.totals().cpuCoreSeconds()).isEqualTo("0");

        EventSchemas schemas = new EventSchemas();
        for (ConsumerRecord<String, byte[]> record : usage.records()) {
            if (profile.equals(record.key())) {
                assertThat(schemas.validate(record.value())).isEmpty();
            }
        }
        assertThat(usage.eventsAbout(profile).stream()
                        .filter(event -> UsagePeriodClosed.TYPE.equals(event.type()))
                        .map(event -> event.dataAs(UsagePeriodClosed.class).from())
                        .toList())
                .as("each hour closed once")
                .doesNotHaveDuplicates();
    }

    private Optional<ReceivedEvent> find(String profile, String type, Instant from) {
        return usage.eventsAbout(profile).stream()
                .filter(event -> type.equals(event.type()))
                .filter(event ->
                        from.equals(Instant.parse(event.data().path("from").asText())))
                .findFirst();
    }

    private static PlatformEvent<?> event(String profile, Instant time, dev.notebooks.platform.events.EventData data) {
        String subject = Subjects.namespaced(profile, "train");
        return new PlatformEvent<>(
                UUID.randomUUID(),
                "notebook-service",
                dev.notebooks.platform.events.EventTypes.ofData(data.getClass()).name(),
                subject,
                subject,
                time,
                data);
    }
}
