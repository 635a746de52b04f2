package dev.notebooks.platform.testing.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.testing.LocalPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    @Test
    void refusesAPortSomethingElseListensOn(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBrokerProcess.start(dir, taken.getLocalPort(), LocalPorts.free()))
                    .hasMessageContaining("already in use");
        }
    }
}
