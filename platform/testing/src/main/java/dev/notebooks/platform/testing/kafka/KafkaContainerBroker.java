package dev.notebooks.platform.testing.kafka;

import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers path; only loaded when containers are asked for, so Testcontainers stays optional. An outage
 * is a paused container: a restarted one would come back on another mapped port.
 */
final class KafkaContainerBroker implements KafkaFixture.RestartableBroker {

    private static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    private KafkaContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static KafkaContainerBroker launch() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new KafkaContainerBroker(container);
    }

    String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        container
                .getDockerClient()
                .pauseContainerCmd(container.getContainerId())
                .exec();
    }

    @Override
    public void start() {
        container
                .getDockerClient()
                .unpauseContainerCmd(container.getContainerId())
                .exec();
    }

    @Override
    public void close() {
        container.stop();
    }
}
