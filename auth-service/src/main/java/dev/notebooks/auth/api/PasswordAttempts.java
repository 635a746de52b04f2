package dev.notebooks.auth.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed current-password checks in a sliding window, counted per account and per caller (client address): once
 * either has its maximum of failures within the window, further checks are refused until the oldest of them leaves
 * it. In memory, per replica (see {@link PasswordAttemptSettings}).
 */
@Singleton
public class PasswordAttempts {

    /** Beyond this many keys, a failure also sweeps out the keys whose failures have all left the window. */
    private static final int SWEEP_ABOVE_KEYS = 10_000;

    private final PasswordAttemptSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    PasswordAttempts(PasswordAttemptSettings settings) {
        this(settings, Clock.systemUTC());
    }

    PasswordAttempts(PasswordAttemptSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how long until another check is allowed, or empty when one is allowed now */
    public Optional<Duration> blockedFor(String account, String caller) {
        Instant now = clock.instant();
        return max(
                blockedFor(accountKey(account), settings.getMaxFailuresPerAccount(), now),
                blockedFor(callerKey(caller), settings.getMaxFailuresPerCaller(), now));
    }

    public void recordFailure(String account, String caller) {
        Instant now = clock.instant();
        record(accountKey(account), now);
        record(callerKey(caller), now);
        if (failures.size() > SWEEP_ABOVE_KEYS) {
            failures.keySet().forEach(key -> blockedFor(key, Integer.MAX_VALUE, now));
        }
    }

    private Optional<Duration> blockedFor(String key, int maxFailures, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.isEmpty()) {
                failures.remove(key, times);
                return Optional.empty();
            }
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            // allowed again once enough of the oldest failures have left the window
            Instant oldestThatMustLeave =
                    times.stream().skip(times.size() - maxFailures).findFirst().orElseThrow();
            return Optional.of(Duration.between(now, oldestThatMustLeave.plus(settings.getWindow())));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
        failures.putIfAbsent(key, times);
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant start = now.minus(settings.getWindow());
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String callerKey(String caller) {
        return "caller:" + caller;
    }
}
