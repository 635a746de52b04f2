package dev.notebooks.platform.testing;

import dev.notebooks.platform.testing.kafka.KafkaFixture;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.platform.testing.postgres.PostgresFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Micronaut properties that point a test's application context at the shared fixtures, for a
 * {@code TestPropertyProvider}:
 *
 * <pre>{@code
 * public Map<String, String> getProperties() {
 *     return TestProperties.postgres("outbox").kafka().build();
 * }
 * }</pre>
 *
 * {@link Builder#build()} starts whatever is not running yet, all of it in parallel.
 */
public final class TestProperties {

    private TestProperties() {}

    /** {@code datasources.default.*} for {@code database} on the shared PostgreSQL (created if absent). */
    public static Builder postgres(String database) {
        return new Builder().postgres(database);
    }

    /** {@code kafka.bootstrap.servers} of the shared Kafka. */
    public static Builder kafka() {
        return new Builder().kafka();
    }

    /** The micronaut-kubernetes-client properties of the shared Kubernetes API. */
    public static Builder kubernetes() {
        return new Builder().kubernetes();
    }

    public static final class Builder {

        private final List<Supplier<Map<String, String>>> fixtures = new ArrayList<>();
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {}

        public Builder postgres(String database) {
            fixtures.add(() -> PostgresFixture.shared().properties(database));
            return this;
        }

        public Builder kafka() {
            fixtures.add(() -> KafkaFixture.shared().properties());
            return this;
        }

        public Builder kubernetes() {
            fixtures.add(() -> KubernetesFixture.shared().properties());
            return this;
        }

        /** One more property of the test's own, e.g. to turn a feature off. */
        public Builder with(String key, String value) {
            extra.put(key, value);
            return this;
        }

        /** Starts the fixtures asked for in parallel and returns their properties (a mutable map). */
        public Map<String, String> build() {
            // a thread each: the common pool has a single thread on a two-core machine
            List<CompletableFuture<Map<String, String>>> starting = fixtures.stream()
                    .map(fixture -> CompletableFuture.supplyAsync(fixture, Builder::inNewThread))
                    .toList();
            Map<String, String> properties = new LinkedHashMap<>();
            for (CompletableFuture<Map<String, String>> fixture : starting) {
                properties.putAll(joinUnwrapped(fixture));
            }
            properties.putAll(extra);
            return properties;
        }

        private static void inNewThread(Runnable task) {
            Thread thread = new Thread(task, "fixture-start");
            thread.setDaemon(true);
            thread.start();
        }

        private static Map<String, String> joinUnwrapped(CompletableFuture<Map<String, String>> fixture) {
            try {
                return fixture.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
