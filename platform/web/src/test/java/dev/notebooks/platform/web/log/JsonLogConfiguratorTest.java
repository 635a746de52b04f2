package dev.notebooks.platform.web.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLogConfiguratorTest {

    @TempDir
    Path classPath;

    private final LoggerContext context = new LoggerContext();

    @Test
    void withoutAConfigurationFileTheRootLogsInfoAsJsonLinesOnStandardOut() throws Exception {
        ExecutionStatus status = configurator(Map.of()).configure(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> out = root.getAppender("out");
        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(out).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<ILoggingEvent>) out).getEncoder()).isInstanceOf(JsonLogEncoder.class);
        assertThat(out.isStarted()).isTrue();
    }

    @Test
    void aLogbackXmlOnTheClassPathConfiguresInstead() throws Exception {
        Files.writeString(classPath.resolve("logback.xml"), "<configuration/>");

        assertThat(configurator(Map.of()).configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .hasNext())
                .isFalse();
    }

    @Test
    void aTestConfigurationOnTheClassPathConfiguresInstead() throws Exception {
        Files.writeString(classPath.resolve("logback-test.xml"), "<configuration/>");

        assertThat(configurator(Map.of()).configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    @Test
    void aConfigurationFileNamedBySystemPropertyConfiguresInstead() throws Exception {
        assertThat(configurator(Map.of("logback.configurationFile", "/etc/logback.xml"))
                        .configure(context))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    private JsonLogConfigurator configurator(Map<String, String> properties) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null);
        JsonLogConfigurator configurator = new JsonLogConfigurator(loader, properties::get);
        configurator.setContext(context);
        return configurator;
    }
}
