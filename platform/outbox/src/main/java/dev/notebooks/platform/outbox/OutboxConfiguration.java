package dev.notebooks.platform.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** How the outbox relay polls, publishes, backs off and cleans up ({@code platform.outbox.*}). */
@ConfigurationProperties(OutboxConfiguration.PREFIX)
public class OutboxConfiguration {

    public static final String PREFIX = "platform.outbox";

    /** The default for {@code relay-enabled}: every replica runs the relay; only one publishes at a time. */
    public static final boolean DEFAULT_RELAY_ENABLED = true;

    /** The default pause between relay passes when nothing is pending. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    /** The default number of events one relay pass publishes before it marks them sent. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    /** The default first pause after a failed pass; it doubles with every failure in a row. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

    /** The default longest pause between failed passes. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

    /** The default for Kafka's {@code max.block.ms}: how long a send waits for topic metadata. */
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(10);

    /** The default for Kafka's {@code delivery.timeout.ms}: how long a send may take until it is acknowledged. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** The default time sent events stay in the outbox table (for inspection) before the cleanup deletes them. */
    public static final Duration DEFAULT_SENT_RETENTION = Duration.ofDays(1);

    /** The default time a consumer remembers a processed event id; longer than any redelivery can come late. */
    public static final Duration DEFAULT_PROCESSED_RETENTION = Duration.ofDays(14);

    /** The default pause between cleanup passes. */
    public static final Duration DEFAULT_CLEANUP_INTERVAL = Duration.ofHours(1);

    private boolean relayEnabled = DEFAULT_RELAY_ENABLED;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxBlock = DEFAULT_MAX_BLOCK;
    private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
    private Duration sentRetention = DEFAULT_SENT_RETENTION;
    private Duration processedRetention = DEFAULT_PROCESSED_RETENTION;
    private Duration cleanupInterval = DEFAULT_CLEANUP_INTERVAL;

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    /** @param relayEnabled whether this application runs the relay and the cleanup. Default {@value #DEFAULT_RELAY_ENABLED}. */
    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    /** @param pollInterval pause between passes when the outbox is drained. Default {@link #DEFAULT_POLL_INTERVAL}. */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** @param batchSize events per pass. Default {@value #DEFAULT_BATCH_SIZE}. */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    /** @param initialBackoff first pause after a failure. Default {@link #DEFAULT_INITIAL_BACKOFF}. */
    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    /** @param maxBackoff longest pause between failed passes. Default {@link #DEFAULT_MAX_BACKOFF}. */
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getMaxBlock() {
        return maxBlock;
    }

    /** @param maxBlock the producer's {@code max.block.ms}. Default {@link #DEFAULT_MAX_BLOCK}. */
    public void setMaxBlock(Duration maxBlock) {
        this.maxBlock = maxBlock;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    /** @param deliveryTimeout the producer's {@code delivery.timeout.ms}. Default {@link #DEFAULT_DELIVERY_TIMEOUT}. */
    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public Duration getSentRetention() {
        return sentRetention;
    }

    /** @param sentRetention how long sent events are kept; zero deletes them at the next cleanup. Default {@link #DEFAULT_SENT_RETENTION}. */
    public void setSentRetention(Duration sentRetention) {
        this.sentRetention = sentRetention;
    }

    public Duration getProcessedRetention() {
        return processedRetention;
    }

    /** @param processedRetention how long processed event ids are remembered. Default {@link #DEFAULT_PROCESSED_RETENTION}. */
    public void setProcessedRetention(Duration processedRetention) {
        this.processedRetention = processedRetention;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    /** @param cleanupInterval pause between cleanup passes. Default {@link #DEFAULT_CLEANUP_INTERVAL}. */
    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }
}
