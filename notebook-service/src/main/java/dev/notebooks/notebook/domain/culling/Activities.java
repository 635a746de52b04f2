package dev.notebooks.notebook.domain.culling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Activity read from what each kind of server answers, already parsed from its JSON. */
public final class Activities {

    /** Above this an epoch number is milliseconds rather than seconds (year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Activities() {}

    /**
     * Jupyter: a kernel that is not idle is activity now; else the newest {@code last_activity} of kernels and
     * terminals.
     */
    public static ActivityReading jupyter(List<Kernel> kernels, List<Terminal> terminals, Instant now) {
        List<Kernel> allKernels = kernels == null ? List.of() : kernels;
        if (allKernels.stream()
                .filter(Objects::nonNull)
                .anyMatch(k -> k.executionState() != null && !"idle".equals(k.executionState()))) {
            return new ActivityReading.Observed(Optional.of(now));
        }
        Optional<Instant> newest = allKernels.stream()
                .filter(Objects::nonNull)
                .map(Kernel::lastActivity)
                .map(Activities::instant)
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        Optional<Instant> newestTerminal = (terminals == null ? List.<Terminal>of() : terminals)
                .stream()
                        .filter(Objects::nonNull)
                        .map(Terminal::lastActivity)
                        .map(Activities::instant)
                        .flatMap(Optional::stream)
                        .max(Instant::compareTo);
        return new ActivityReading.Observed(later(newest, newestTerminal));
    }

    public static ActivityReading codeServer(CodeServerHealth health) {
        if (health == null) {
            return new ActivityReading.Unavailable("code-server's /healthz gave no body");
        }
        if (health.lastHeartbeat() == null || health.lastHeartbeat() <= 0) {
            return new ActivityReading.Observed(Optional.empty());
        }
        return new ActivityReading.Observed(Optional.of(Instant.ofEpochMilli(health.lastHeartbeat())));
    }

    /**
     * A configured probe's value at its JSON pointer: an ISO 8601 time, or epoch seconds or milliseconds.
     *
     * @param value null when the pointer found nothing
     */
    public static ActivityReading probe(Object value, String pointer) {
        Optional<Instant> instant = Optional.empty();
        if (value instanceof String text) {
            instant = instant(text);
            if (instant.isEmpty()) {
                try {
                    instant = epoch(new BigDecimal(text.trim()));
                } catch (NumberFormatException e) {
                    instant = Optional.empty();
                }
            }
        } else if (value instanceof Number number) {
            instant = epoch(new BigDecimal(number.toString()));
        }
        return instant.<ActivityReading>map(i -> new ActivityReading.Observed(Optional.of(i)))
                .orElseGet(() -> new ActivityReading.Unavailable("no time at " + pointer + " in the probe's answer"));
    }

    public static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Instant> epoch(BigDecimal value) {
        if (value.signum() <= 0) {
            return Optional.empty();
        }
        long millis = value.compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) > 0
                ? value.longValue()
                : value.multiply(BigDecimal.valueOf(1000)).longValue();
        return Optional.of(Instant.ofEpochMilli(millis));
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
