package dev.notebooks.notebook.domain.poddefault;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorsTest {

    private static final Map<String, String> POD = Map.of("app", "nb", "access-ml-pipeline", "true", "tier", "gpu");

    static Stream<Arguments> selectors() {
        return Stream.of(
                Arguments.of("no selector", null, "Matches"),
                Arguments.of("empty selector", new V1LabelSelector(), "Matches"),
                Arguments.of("matchLabels present", labels("access-ml-pipeline", "true"), "Matches"),
                Arguments.of("matchLabels other value", labels("access-ml-pipeline", "false"), "NoMatch"),
                Arguments.of("matchLabels missing key", labels("add-gcp-secret", "true"), "NoMatch"),
                Arguments.of("In", expression("tier", "In", "gpu", "cpu"), "Matches"),
                Arguments.of("In other values", expression("tier", "In", "cpu"), "NoMatch"),
                Arguments.of("NotIn", expression("tier", "NotIn", "cpu"), "Matches"),
                Arguments.of("NotIn absent key", expression("zone", "NotIn", "a"), "Matches"),
                Arguments.of("NotIn excluded", expression("tier", "NotIn", "gpu"), "NoMatch"),
                Arguments.of("Exists", expression("app", "Exists"), "Matches"),
                Arguments.of("Exists absent", expression("zone", "Exists"), "NoMatch"),
                Arguments.of("DoesNotExist", expression("zone", "DoesNotExist"), "Matches"),
                Arguments.of("DoesNotExist present", expression("app", "DoesNotExist"), "NoMatch"),
                Arguments.of("In without values", expression("tier", "In"), "Invalid"),
                Arguments.of("Exists with values", expression("tier", "Exists", "gpu"), "Invalid"),
                Arguments.of("unknown operator", expression("tier", "Gt", "1"), "Invalid"),
                Arguments.of(
                        "labels and expressions both",
                        labels("app", "nb").addMatchExpressionsItem(requirement("zone", "Exists")),
                        "NoMatch"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("selectors")
    void selectorsMatchAsKubernetesDoes(String description, V1LabelSelector selector, String expected) {
        assertThat(LabelSelectors.match(selector, POD).getClass().getSimpleName())
                .isEqualTo(expected);
    }

    private static V1LabelSelector labels(String key, String value) {
        return new V1LabelSelector().matchLabels(Map.of(key, value));
    }

    private static V1LabelSelector expression(String key, String operator, String... values) {
        return new V1LabelSelector().addMatchExpressionsItem(requirement(key, operator, values));
    }

    private static V1LabelSelectorRequirement requirement(String key, String operator, String... values) {
        return new V1LabelSelectorRequirement().key(key).operator(operator).values(List.of(values));
    }
}
