package dev.notebooks.platform.web.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogEncoderTest {

    private final Logger logger = context().getLogger("dev.notebooks.notebook.controller.NotebookReconciler");
    private final JsonLogEncoder encoder = new JsonLogEncoder();

    @Test
    void aLineIsOneJsonObjectWithLogstashsFieldNames() throws IOException {
        LoggingEvent event = event(Level.WARN, "notebook {} waits for {}", null, "lab", "quota");
        event.setThreadName("reconciler-1");

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        assertThat(OffsetDateTime.parse(json.get("@timestamp").asText()).toInstant())
                .isEqualTo(event.getInstant());
        assertThat(json.get("@version").asText()).isEqualTo("1");
        assertThat(json.get("message").asText()).isEqualTo("notebook lab waits for quota");
        assertThat(json.get("logger_name").asText()).isEqualTo("dev.notebooks.notebook.controller.NotebookReconciler");
        assertThat(json.get("thread_name").asText()).isEqualTo("reconciler-1");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("level_value").asInt()).isEqualTo(30000);
        assertThat(json.has("stack_trace")).isFalse();
    }

    @Test
    void theMdcsEntriesAreFieldsOfTheLine() throws IOException {
        LoggingEvent event = event(Level.INFO, "reconciled", null);
        event.setMDCPropertyMap(Map.of("resource", "kubeflow-alice/lab"));

        JsonNode json = parse(event);

        assertThat(json.get("resource").asText()).isEqualTo("kubeflow-alice/lab");
    }

    @Test
    void anyTextSurvivesTheJsonExactly() throws IOException {
        String text = "quote \" backslash \\ newline \n tab \t return \r bell \u0007 unicode é ✓";

        assertThat(parse(event(Level.INFO, text, null)).get("message").asText()).isEqualTo(text);
    }

    @Test
    void anExceptionIsItsStackTraceWithItsCauses() throws IOException {
        Exception failure = new IllegalStateException("outer", new IOException("inner"));

        String trace =
                parse(event(Level.ERROR, "failed", failure)).get("stack_trace").asText();

        assertThat(trace)
                .startsWith("java.lang.IllegalStateException: outer")
                .contains("\tat dev.notebooks.platform.web.log.JsonLogEncoderTest")
                .contains("Caused by: java.io.IOException: inner");
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private LoggingEvent event(Level level, String message, Throwable failure, Object... arguments) {
        return new LoggingEvent(Logger.class.getName(), logger, level, message, failure, arguments);
    }

    private JsonNode parse(LoggingEvent event) throws IOException {
        return new ObjectMapper().readTree(encoder.encode(event));
    }
}
