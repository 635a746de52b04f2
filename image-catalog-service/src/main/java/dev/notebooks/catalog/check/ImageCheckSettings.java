package dev.notebooks.catalog.check;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/** How image checks reach registries. */
@ConfigurationProperties(ImageCheckSettings.PREFIX)
public class ImageCheckSettings {

    public static final String PREFIX = "catalog.image-check";

    /** Time to open a connection to a registry or its token endpoint. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Time for one registry request to be answered. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private List<String> insecureRegistries = List.of();

    /** @return the connect timeout. Default 5 s. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the timeout of each request. Default 10 s. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * @return registries ({@code host[:port]}) reached over plain HTTP. Default: none; {@code localhost} and
     *     {@code 127.0.0.1} always are.
     */
    public List<String> getInsecureRegistries() {
        return insecureRegistries;
    }

    public void setInsecureRegistries(List<String> insecureRegistries) {
        this.insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    }
}
