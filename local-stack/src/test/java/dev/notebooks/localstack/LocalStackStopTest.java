package dev.notebooks.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault 12: Ctrl-C prints one line per part, last started first, and never a stack trace. */
class LocalStackStopTest {

    @Test
    void stoppingPrintsOneLinePerPartAndNoStackTrace() {
        LocalStack stack = new LocalStack(LocalStackSettings.from(Map.of(), Path.of(".")));
        stack.started(new LocalStack.Part("PostgreSQL", () -> {}));
        stack.started(new LocalStack.Part("Kafka", () -> {
            throw new IOException("broker did not exit", new IllegalStateException("interrupted"));
        }));
        stack.started(new LocalStack.Part("Kubernetes API", () -> {}));

        String printed = printedBy(stack::stop);

        assertThat(printed.lines())
                .containsExactly(
                        "Stopping the local stack",
                        "  Kubernetes API stopped",
                        "  Kafka did not stop cleanly: broker did not exit",
                        "  PostgreSQL stopped",
                        "Local stack stopped");
    }

    private static String printedBy(Runnable action) {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
