package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of a simulated lifecycle, shaped as a KWOK {@code Stage}: which objects it selects (field expressions,
 * as KWOK's {@code selector.matchExpressions}, plus a condition where a field is not enough), after what delay, and
 * what comes next (the status it writes, the Events it records, or the deletion it makes). A new behaviour is a new
 * stage, not a new branch.
 */
record Stage(
        String name,
        List<Expression> selector,
        Predicate<ObjectNode> when,
        Function<WorkloadSettings.WorkloadTiming, Duration> delay,
        Next next) {

    /** {@code key} is a path such as {@code .status.containerStatuses[].state.waiting.reason}; {@code []} is any element. */
    record Expression(String key, Operator operator, List<String> values) {

        static Expression exists(String key) {
            return new Expression(key, Operator.EXISTS, List.of());
        }

        static Expression doesNotExist(String key) {
            return new Expression(key, Operator.DOES_NOT_EXIST, List.of());
        }

        static Expression in(String key, String... values) {
            return new Expression(key, Operator.IN, List.of(values));
        }

        static Expression notIn(String key, String... values) {
            return new Expression(key, Operator.NOT_IN, List.of(values));
        }

        boolean matches(JsonNode object) {
            List<String> found = valuesAt(object, key);
            return switch (operator) {
                case EXISTS -> !found.isEmpty();
                case DOES_NOT_EXIST -> found.isEmpty();
                case IN -> found.stream().anyMatch(values::contains);
                case NOT_IN -> found.stream().noneMatch(values::contains);
            };
        }
    }

    enum Operator {
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST
    }

    /**
     * What the stage writes: the next status from the current object (null: status unchanged), the Events it records,
     * and whether it then deletes the object (as KWOK's {@code next.delete}).
     */
    record Next(Function<ObjectNode, ObjectNode> status, Function<ObjectNode, List<Event>> events, boolean delete) {}

    /** An Event about the object, or about one of its containers when {@code container} is not empty. */
    record Event(String container, String type, String reason, String message) {

        static Event normal(String container, String reason, String message) {
            return new Event(container, "Normal", reason, message);
        }

        static Event warning(String container, String reason, String message) {
            return new Event(container, "Warning", reason, message);
        }
    }

    boolean selects(ObjectNode object) {
        return selector.stream().allMatch(expression -> expression.matches(object)) && when.test(object);
    }

    static List<String> valuesAt(JsonNode object, String key) {
        List<JsonNode> current = List.of(object);
        for (String step : key.substring(1).split("\\.")) {
            boolean each = step.endsWith("[]");
            String field = each ? step.substring(0, step.length() - 2) : step;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                JsonNode child = node.get(field);
                if (child == null || child.isNull()) {
                    continue;
                }
                if (each) {
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            current = next;
        }
        return current.stream()
                .map(node -> node.isValueNode() ? node.asText() : node.toString())
                .toList();
    }
}
