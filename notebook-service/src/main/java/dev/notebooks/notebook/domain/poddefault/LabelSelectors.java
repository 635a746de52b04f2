package dev.notebooks.notebook.domain.poddefault;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kubernetes' label selector semantics ({@code metav1.LabelSelectorAsSelector}). */
public final class LabelSelectors {

    private LabelSelectors() {}

    /** What a selector says about a set of labels. */
    public sealed interface Match {
        record Matches() implements Match {}

        record NoMatch() implements Match {}

        /** A selector Kubernetes refuses to convert, such as {@code In} without values. */
        record Invalid(String reason) implements Match {}
    }

    /**
     * @param selector null or empty selects everything, as a PodDefault's (a value, not a pointer, in Kubeflow's Go
     *     type) does
     */
    public static Match match(V1LabelSelector selector, Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        if (selector == null) {
            return new Match.Matches();
        }
        Optional<String> invalid = invalidity(selector);
        if (invalid.isPresent()) {
            return new Match.Invalid(invalid.get());
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!wanted.getValue().equals(present.get(wanted.getKey()))) {
                return new Match.NoMatch();
            }
        }
        for (V1LabelSelectorRequirement requirement : expressions(selector)) {
            if (!satisfies(requirement, present)) {
                return new Match.NoMatch();
            }
        }
        return new Match.Matches();
    }

    private static boolean satisfies(V1LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(requirement.getKey());
            case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
            default -> false;
        };
    }

    private static Optional<String> invalidity(V1LabelSelector selector) {
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> entry : selector.getMatchLabels().entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    return Optional.of("matchLabels has an empty key or value");
                }
            }
        }
        for (V1LabelSelectorRequirement requirement : expressions(selector)) {
            if (requirement == null || requirement.getKey() == null || requirement.getOperator() == null) {
                return Optional.of("a matchExpression needs a key and an operator");
            }
            boolean hasValues =
                    requirement.getValues() != null && !requirement.getValues().isEmpty();
            switch (requirement.getOperator()) {
                case "In", "NotIn" -> {
                    if (!hasValues) {
                        return Optional.of("operator " + requirement.getOperator() + " on " + requirement.getKey()
                                + " needs values");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (hasValues) {
                        return Optional.of("operator " + requirement.getOperator() + " on " + requirement.getKey()
                                + " takes no values");
                    }
                }
                default -> {
                    return Optional.of("unknown operator " + requirement.getOperator());
                }
            }
        }
        return Optional.empty();
    }

    private static List<V1LabelSelectorRequirement> expressions(V1LabelSelector selector) {
        return selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    }
}
