package dev.notebooks.platform.web.log;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Logback's configuration in code, found by logback through {@code META-INF/services}: INFO and up, as JSON lines
 * ({@link JsonLogEncoder}) on standard out. In code because reading a {@code logback.xml} loads logback's XML
 * configurator and the JDK's XML parser, about 370 classes kept for the life of every service (docs/benchmarks.md).
 * A {@code logback.xml} or {@code logback-test.xml} on the class path, or {@code -Dlogback.configurationFile}, still
 * configures logback as usual: this one steps aside. Levels are set as in any Micronaut service
 * ({@code logger.levels.*}).
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

    static final List<String> CONFIGURATION_FILES = List.of("logback-test.xml", "logback.xml");

    private final ClassLoader classPath;
    private final UnaryOperator<String> systemProperties;

    public JsonLogConfigurator() {
        this(JsonLogConfigurator.class.getClassLoader(), System::getProperty);
    }

    JsonLogConfigurator(ClassLoader classPath, UnaryOperator<String> systemProperties) {
        this.classPath = classPath;
        this.systemProperties = systemProperties;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (systemProperties.apply(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || CONFIGURATION_FILES.stream().anyMatch(file -> classPath.getResource(file) != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setName("out");
        out.setEncoder(encoder);
        out.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(out);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
