package dev.notebooks.platform.outbox.testapp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** A registry that keeps values, as a service's Prometheus registry would, so tests can read the outbox's gauges. */
@Factory
class TestMeterRegistry {

    @Singleton
    SimpleMeterRegistry simpleMeterRegistry() {
        return new SimpleMeterRegistry();
    }
}
