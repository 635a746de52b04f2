package dev.notebooks.notebook.domain.culling;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When an idle notebook is stopped, and when the last-activity annotation is worth a write. */
public final class Culling {

    public static final Duration DEFAULT_STEP = Duration.ofMinutes(5);
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern GO_DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Culling() {}

    public enum Verdict {
        /** Active recently enough, stopped already, or culling is off for it. */
        KEEP,
        /** Idle for longer than its idle time: set the stop annotation. */
        CULL,
        /** No working activity source: never culled, as idleness cannot be told from a source that does not answer. */
        UNKNOWN_NEVER_CULL
    }

    /**
     * @param lastActivity the newest of the observed activity, the recorded one and the pod's start; null when none is
     *     known
     * @param idleTime empty for never
     */
    public static Verdict decide(
            Instant now, Instant lastActivity, Optional<Duration> idleTime, boolean stopped, boolean sourceAvailable) {
        if (stopped || idleTime.isEmpty()) {
            return Verdict.KEEP;
        }
        if (!sourceAvailable) {
            return Verdict.UNKNOWN_NEVER_CULL;
        }
        if (lastActivity == null) {
            return Verdict.KEEP;
        }
        return now.isAfter(lastActivity.plus(idleTime.get())) ? Verdict.CULL : Verdict.KEEP;
    }

    /**
     * The notebook's own idle time from its {@link NotebookAnnotations#CULL_IDLE_TIME} annotation (minutes, {@code 2h},
     * {@code 90m}, {@code PT2H}; {@code 0} or {@code never} for never), else the service's.
     */
    public static Optional<Duration> idleTime(Notebook notebook, Duration configured) {
        String value = notebook.annotations().get(NotebookAnnotations.CULL_IDLE_TIME);
        if (value == null || value.isBlank()) {
            return Optional.of(configured);
        }
        Optional<Duration> parsed = parseDuration(value.trim());
        if (parsed.isEmpty()) {
            return Optional.of(configured);
        }
        return parsed.get().isZero() || parsed.get().isNegative() ? Optional.empty() : parsed;
    }

    static Optional<Duration> parseDuration(String value) {
        if ("never".equals(value.toLowerCase(Locale.ROOT))) {
            return Optional.of(Duration.ZERO);
        }
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofMinutes(Long.parseLong(value)));
        }
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher go = GO_DURATION.matcher(value);
        if (!value.isEmpty() && go.matches()) {
            Duration duration = Duration.ZERO;
            if (go.group(1) != null) {
                duration = duration.plusHours(Long.parseLong(go.group(1)));
            }
            if (go.group(2) != null) {
                duration = duration.plusMinutes(Long.parseLong(go.group(2)));
            }
            if (go.group(3) != null) {
                duration = duration.plusSeconds(Long.parseLong(go.group(3)));
            }
            return Optional.of(duration);
        }
        return Optional.empty();
    }

    /** RFC 3339 without fractions, as Kubeflow's culler and JWA write their annotations. */
    public static String timestamp(Instant instant) {
        return RFC3339.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Whether {@code notebooks.kubeflow.org/last-activity} should be written: when absent or unreadable, or when the
     * activity moved past it by more than the step. Kubeflow writes it (and a check time) on every check.
     */
    public static boolean shouldWriteLastActivity(String annotation, Instant activity, Duration step) {
        if (activity == null) {
            return false;
        }
        Optional<Instant> written = Activities.instant(annotation);
        return written.isEmpty() || Duration.between(written.get(), activity).compareTo(step) > 0;
    }
}
