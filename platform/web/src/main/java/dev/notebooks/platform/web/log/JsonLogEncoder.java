package dev.notebooks.platform.web.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Every log line as one JSON object with the field names of logstash-logback-encoder's default output, which the
 * services used before, so log pipelines built for it keep working: {@code @timestamp}, {@code @version},
 * {@code message}, {@code logger_name}, {@code thread_name}, {@code level}, {@code level_value}, the MDC's entries (the
 * reconcilers' {@code resource}), SLF4J's key-value pairs and {@code stack_trace}. Written here because logstash's
 * encoder is about 60 classes of its own and builds a Jackson object mapper at start (docs/benchmarks.md).
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append('{');
        field(
                line,
                "@timestamp",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.getInstant().atZone(zone)));
        line.append(",\"@version\":\"1\"");
        field(line.append(','), "message", event.getFormattedMessage());
        field(line.append(','), "logger_name", event.getLoggerName());
        field(line.append(','), "thread_name", event.getThreadName());
        field(line.append(','), "level", event.getLevel().toString());
        line.append(",\"level_value\":").append(event.getLevel().toInt());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            field(line.append(','), entry.getKey(), entry.getValue());
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                field(line.append(','), pair.key, String.valueOf(pair.value));
            }
        }
        if (event.getThrowableProxy() != null) {
            field(line.append(','), "stack_trace", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return line.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static void field(StringBuilder line, String name, String value) {
        quoted(line, name).append(':');
        if (value == null) {
            line.append("null");
        } else {
            quoted(line, value);
        }
    }

    private static StringBuilder quoted(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }
}
