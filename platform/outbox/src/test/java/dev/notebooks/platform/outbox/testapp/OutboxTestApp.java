package dev.notebooks.platform.outbox.testapp;

import dev.notebooks.platform.testing.TestProperties;
import dev.notebooks.platform.testing.kafka.KafkaFixture;
import java.util.Map;

/** The test app's properties: the shared PostgreSQL and Kafka, and its topic made before any listener subscribes. */
public final class OutboxTestApp {

    /** {@code platform.events.topic-prefix} of application-test.yml, and the notebooks topic the test events go to. */
    public static final String TOPIC = "outbox-test.notebooks";

    private OutboxTestApp() {}

    public static Map<String, String> properties() {
        Map<String, String> properties =
                TestProperties.postgres("outbox").kafka().build();
        topicLog().create();
        return properties;
    }

    public static TopicLog topicLog() {
        return new TopicLog(KafkaFixture.shared().bootstrapServers(), TOPIC);
    }
}
