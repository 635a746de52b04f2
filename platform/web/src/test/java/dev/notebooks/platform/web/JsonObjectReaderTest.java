package dev.notebooks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonObjectReaderTest {

    private final Violations violations = new Violations();

    @Test
    void fieldsOfTheRightTypeAreReadAsGiven() {
        JsonObjectReader json = read(Map.of(
                "name", "team-a",
                "enabled", true,
                "tags", List.of("a", "b"),
                "labels", Map.of("tier", "gold"),
                "spec", Map.of("size", "2Gi")));

        assertThat(json.requiredText("name")).contains("team-a");
        assertThat(json.bool("enabled")).contains(true);
        assertThat(json.texts("tags")).contains(List.of("a", "b"));
        assertThat(json.textMap("labels")).contains(Map.of("tier", "gold"));
        assertThat(json.object("spec").flatMap(spec -> spec.text("size"))).contains("2Gi");
        assertThat(violationsOf(violations)).isEmpty();
    }

    @Test
    void absentAndNullFieldsReadAsEmptyButOnlyNullIsPresent() {
        JsonObjectReader json = read(Collections.singletonMap("owner", null));

        assertThat(json.text("owner")).isEmpty();
        assertThat(json.text("name")).isEmpty();
        assertThat(json.has("owner")).isTrue();
        assertThat(json.has("name")).isFalse();
        assertThat(violationsOf(violations)).isEmpty();
    }

    @Test
    void aRequiredFieldThatIsAbsentOrNullIsNamed() {
        JsonObjectReader json = read(Collections.singletonMap("owner", null));

        assertThat(json.requiredText("name")).isEmpty();
        assertThat(json.requiredText("owner")).isEmpty();
        assertThat(violationsOf(violations))
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactly(tuple("name", "is required"), tuple("owner", "is required"));
    }

    @Test
    void fieldsOfTheWrongTypeAreNamedAndReadAsAbsent() {
        JsonObjectReader json = read(Map.of("name", 7, "enabled", "yes", "tags", "a", "spec", List.of(), "items", 1));

        assertThat(json.text("name")).isEmpty();
        assertThat(json.bool("enabled")).isEmpty();
        assertThat(json.texts("tags")).isEmpty();
        assertThat(json.object("spec")).isEmpty();
        assertThat(json.objects("items")).isEmpty();
        assertThat(violationsOf(violations))
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactly(
                        tuple("name", "must be a string"),
                        tuple("enabled", "must be true or false"),
                        tuple("tags", "must be an array of strings"),
                        tuple("spec", "must be an object"),
                        tuple("items", "must be an array"));
    }

    @Test
    void unknownFieldsAreNamedByTheirPath() {
        JsonObjectReader json = read(Map.of("name", "team-a", "colour", "blue", "spec", Map.of("size", "1", "x", 1)));

        json.allowOnly(Set.of("name", "spec"));
        json.object("spec").orElseThrow().allowOnly(Set.of("size"));

        assertThat(violationsOf(violations))
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactlyInAnyOrder(tuple("colour", "unknown field"), tuple("spec.x", "unknown field"));
    }

    @Test
    void arrayElementsOfTheWrongTypeAreNamedByIndexAndLeftOut() {
        JsonObjectReader json = read(Map.of(
                "tags", List.of("a", 2, "c"),
                "plugins", List.of(Map.of("kind", "A"), "B", Map.of("kind", 3))));

        List<String> tags = json.texts("tags").orElseThrow();
        List<JsonObjectReader> plugins = json.objects("plugins").orElseThrow();
        plugins.forEach(plugin -> plugin.text("kind"));

        assertThat(tags).containsExactly("a", "c");
        assertThat(plugins).hasSize(2);
        assertThat(violationsOf(violations))
                .extracting(Violation::getField)
                .containsExactly("tags[1]", "plugins[1]", "plugins[2].kind");
    }

    @Test
    void aTextMapNamesEveryValueThatIsNotAString() {
        JsonObjectReader json = read(Map.of("quota", Map.of("cpu", "6", "memory", 16)));

        assertThat(json.textMap("quota")).contains(Map.of("cpu", "6"));
        assertThat(violationsOf(violations)).extracting(Violation::getField).containsExactly("quota.memory");
    }

    @Test
    void pathOfNamesAFieldFoundOutsideTheReader() {
        JsonObjectReader spec = read(Map.of("spec", Map.of())).object("spec").orElseThrow();

        assertThat(spec.pathOf("awsIamRole")).isEqualTo("spec.awsIamRole");
        assertThat(spec.violations()).isSameAs(violations);
    }

    @Test
    void aBodyThatIsNotAnObjectIsAnswered422AtOnce() {
        for (JsonNode body : new JsonNode[] {null, JsonNode.createStringNode("team-a"), JsonNode.from(List.of())}) {
            ConstraintViolationThrowableProblem problem = catchThrowableOfType(
                    ConstraintViolationThrowableProblem.class, () -> JsonObjectReader.body(body, new Violations()));

            assertThat(problem.getStatus().getStatusCode()).isEqualTo(422);
            assertThat(problem.getViolations())
                    .extracting(Violation::getField, Violation::getMessage)
                    .containsExactly(tuple("body", "must be a JSON object"));
        }
    }

    private JsonObjectReader read(Map<String, ?> body) {
        return JsonObjectReader.body(JsonNode.from(body), violations);
    }

    static List<Violation> violationsOf(Violations violations) {
        ConstraintViolationThrowableProblem problem =
                catchThrowableOfType(ConstraintViolationThrowableProblem.class, violations::throwIfAny);
        return problem == null ? List.of() : problem.getViolations();
    }
}
