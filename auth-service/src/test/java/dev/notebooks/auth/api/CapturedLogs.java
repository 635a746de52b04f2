package dev.notebooks.auth.api;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A logback appender (installed by {@code logback-test.xml}) keeping every log line of the test JVM, with its MDC and
 * exception, as text for {@link SecretScanTest}.
 */
public class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    static List<String> lines() {
        return List.copyOf(LINES);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text =
                new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            text.append('\n').append(error.getClassName()).append(": ").append(error.getMessage());
            for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
                text.append("\n  ").append(frame.getSTEAsString());
            }
        }
        LINES.add(text.toString());
    }
}
