package dev.notebooks.platform.events.config;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.Topics;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The codec and the configured topic names as beans. */
@Factory
class EventsFactory {

    @Singleton
    Topics topics(EventsConfiguration configuration) {
        return new Topics(configuration.getTopicPrefix());
    }

    @Singleton
    CloudEventCodec cloudEventCodec() {
        return new CloudEventCodec();
    }
}
