package dev.notebooks.platform.events.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.Topics;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsConfigurationTest {

    @Test
    void topicsCarryTheConfiguredPrefix() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("platform.events.topic-prefix", "nbp."))) {
            assertThat(context.getBean(Topics.class).notebooks()).isEqualTo("nbp.notebooks");
            assertThat(context.containsBean(CloudEventCodec.class)).isTrue();
        }
    }

    @Test
    void sourceDefaultsToTheApplicationName() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("micronaut.application.name", "volume-service"))) {
            EventsConfiguration configuration = context.getBean(EventsConfiguration.class);

            assertThat(configuration.getSource()).isEqualTo("volume-service");
            assertThat(context.getBean(Topics.class).volumes()).isEqualTo("volumes");
        }
    }

    @Test
    void configuredSourceWinsOverTheApplicationName() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "micronaut.application.name", "volume-service", "platform.events.source", "volumes.example.com"))) {
            assertThat(context.getBean(EventsConfiguration.class).getSource()).isEqualTo("volumes.example.com");
        }
    }

    @Test
    void sourceHasADefaultWithoutAnApplicationName() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(EventsConfiguration.class).getSource())
                    .isEqualTo(EventsConfiguration.DEFAULT_SOURCE);
        }
    }
}
