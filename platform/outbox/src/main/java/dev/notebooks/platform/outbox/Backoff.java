package dev.notebooks.platform.outbox;

import java.time.Duration;

/** Exponential backoff: the initial delay, doubled after every failure in a row, never above the maximum. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The pause before the next attempt; each call doubles the one after it. */
    Duration nextDelay() {
        Duration delay = atMostMax(next);
        next = atMostMax(delay.multipliedBy(2));
        return delay;
    }

    void reset() {
        next = initial;
    }

    private Duration atMostMax(Duration delay) {
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
