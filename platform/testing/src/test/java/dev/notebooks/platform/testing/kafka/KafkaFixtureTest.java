package dev.notebooks.platform.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaFixtureTest {

    private final KafkaFixture kafka = KafkaFixture.shared();

    @Test
    void aProducedRecordIsConsumed() throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();

        produce(topic, "profile-1", "created");

        assertThat(consumeAll(topic, 1)).containsExactly("profile-1=created");
    }

    @Test
    void afterStopAndStartTheBrokerIsBackAtTheSameAddressAndDeliversNewRecords() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        String bootstrapServers = kafka.bootstrapServers();
        produce(topic, "notebook-1", "before");

        kafka.stop();
        assertThat(accepts(bootstrapServers)).as("broker down").isFalse();
        kafka.start();

        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
        produce(topic, "notebook-1", "after");
        assertThat(consumeAll(topic, 2)).containsExactly("notebook-1=before", "notebook-1=after");
    }

    private void produce(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private List<String> consumeAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> received.add(record.key() + "=" + record.value()));
                return received.size() >= expected;
            });
        }
        return received;
    }

    private static boolean accepts(String bootstrapServers) {
        String[] hostAndPort = bootstrapServers.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
