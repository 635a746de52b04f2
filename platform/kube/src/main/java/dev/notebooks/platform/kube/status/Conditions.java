package dev.notebooks.platform.kube.status;

import io.kubernetes.client.openapi.models.V1Condition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code status.conditions} as Kubernetes API conventions want them (metav1.Condition): one entry per type, replaced in
 * place, whose {@code lastTransitionTime} moves only when its status flips. The list never grows pass after pass.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    /** The reason of a Ready=True condition. */
    public static final String RECONCILED = "Reconciled";

    private Conditions() {}

    public static V1Condition of(String type, boolean status, String reason, String message, Long observedGeneration) {
        return new V1Condition()
                .type(type)
                .status(status ? TRUE : FALSE)
                .reason(reason)
                .message(message == null ? "" : message)
                .observedGeneration(observedGeneration);
    }

    /** @return Ready=True, reason {@value #RECONCILED} */
    public static V1Condition ready(Long observedGeneration) {
        return of(READY, true, RECONCILED, "", observedGeneration);
    }

    /** @param reason CamelCase, as the API validates it ({@code ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$}) */
    public static V1Condition notReady(String reason, String message, Long observedGeneration) {
        return of(READY, false, reason, message, observedGeneration);
    }

    /** @return Ready=False with the error's class as reason and its message as message */
    public static V1Condition fromError(Throwable error, Long observedGeneration) {
        return notReady(error.getClass().getSimpleName(), error.getMessage(), observedGeneration);
    }

    /**
     * @return {@code conditions} with {@code next} in place of the condition of its type (duplicates of that type
     *     dropped), or added at the end when there was none. Its {@code lastTransitionTime} is the old one while the
     *     status stays, else {@code now}.
     */
    public static List<V1Condition> set(List<V1Condition> conditions, V1Condition next, Instant now) {
        List<V1Condition> current = conditions == null ? List.of() : conditions;
        V1Condition written = copy(next)
                .lastTransitionTime(find(current, next.getType())
                        .filter(old -> Objects.equals(old.getStatus(), next.getStatus()))
                        .map(V1Condition::getLastTransitionTime)
                        .orElse(secondsOf(now)));
        List<V1Condition> result = new ArrayList<>();
        boolean placed = false;
        for (V1Condition condition : current) {
            if (!next.getType().equals(condition.getType())) {
                result.add(condition);
            } else if (!placed) {
                result.add(written);
                placed = true;
            }
        }
        if (!placed) {
            result.add(written);
        }
        return List.copyOf(result);
    }

    public static List<V1Condition> set(List<V1Condition> conditions, V1Condition next) {
        return set(conditions, next, Instant.now());
    }

    public static Optional<V1Condition> find(List<V1Condition> conditions, String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream()
                        .filter(condition -> type.equals(condition.getType()))
                        .findFirst();
    }

    private static V1Condition copy(V1Condition condition) {
        return new V1Condition()
                .type(condition.getType())
                .status(condition.getStatus())
                .reason(condition.getReason())
                .message(condition.getMessage())
                .observedGeneration(condition.getObservedGeneration());
    }

    // the API keeps whole seconds (metav1.Time); a finer time would read back different and look like a change
    private static OffsetDateTime secondsOf(Instant now) {
        return OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }
}
