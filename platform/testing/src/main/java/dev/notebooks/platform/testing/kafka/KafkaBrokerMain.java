package dev.notebooks.platform.testing.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The main class of the broker JVM that {@link KafkaBrokerProcess} starts: formats the KRaft storage on the
 * first start (what {@code kafka-storage.sh format} does), then runs Kafka as {@code kafka-server-start.sh} does.
 * Doing both in one JVM saves a JVM start. The broker exits when the JVM that started it exits, even one killed
 * with SIGKILL that could not run its shutdown hooks.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    /** {@code args[0]}: the broker's server.properties; the cluster id is kept beside it in {@code cluster.id}. */
    public static void main(String[] args) throws IOException {
        Path serverProperties = Path.of(args[0]);
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));

        int formatted = StorageTool.execute(
                new String[] {
                    "format",
                    "--config",
                    serverProperties.toString(),
                    "--cluster-id",
                    clusterId(serverProperties.resolveSibling("cluster.id")),
                    "--ignore-formatted"
                },
                System.out);
        if (formatted != 0) {
            System.exit(formatted);
        }
        Kafka.main(new String[] {serverProperties.toString()});
    }

    /** A formatted log directory only starts again with the cluster id it was formatted with. */
    private static String clusterId(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }
}
