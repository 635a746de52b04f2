package dev.notebooks.platform.events.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;

/** {@code platform.events.*}: how this service names its events and topics. */
@ConfigurationProperties(EventsConfiguration.PREFIX)
public class EventsConfiguration {

    public static final String PREFIX = "platform.events";

    /** Default topic prefix: none, so the topics are {@code profiles}, {@code notebooks} and so on. */
    public static final String DEFAULT_TOPIC_PREFIX = "";

    /** Default event source when {@code micronaut.application.name} is not set either. */
    public static final String DEFAULT_SOURCE = "notebook-platform";

    private String topicPrefix = DEFAULT_TOPIC_PREFIX;
    private String source;

    public EventsConfiguration(@Nullable @Property(name = "micronaut.application.name") String applicationName) {
        this.source = applicationName != null ? applicationName : DEFAULT_SOURCE;
    }

    /** Put before every topic name, such as {@code "nbp."} for {@code nbp.profiles}. Default: none. */
    public String getTopicPrefix() {
        return topicPrefix;
    }

    public void setTopicPrefix(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    /** The CloudEvents {@code source} of the events this service produces. Default: the application name. */
    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
