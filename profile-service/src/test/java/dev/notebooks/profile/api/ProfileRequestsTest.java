package dev.notebooks.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileRequestsTest {

    @Test
    void aCompleteCreateRequestIsReadAsGiven() {
        CreateProfileRequest request = ProfileRequests.create(json(Map.of(
                "name",
                "team-a",
                "owner",
                "alice@example.com",
                "resourceQuota",
                Map.of("cpu", "6", "memory", "16Gi", "requests.nvidia.com/gpu", "1"),
                "plugins",
                List.of(Map.of(
                        "kind",
                        "AwsIamForServiceAccount",
                        "spec",
                        Map.of("awsIamRole", "arn:aws:iam::123456789012:role/team-a", "annotateOnly", true))))));

        assertThat(request.name()).isEqualTo("team-a");
        assertThat(request.owner()).isEqualTo("alice@example.com");
        assertThat(request.resourceQuota())
                .containsEntry("cpu", "6")
                .containsEntry("memory", "16Gi")
                .containsEntry("requests.nvidia.com/gpu", "1");
        assertThat(request.plugins())
                .containsExactly(new PluginBody(
                        "AwsIamForServiceAccount",
                        Map.of("awsIamRole", "arn:aws:iam::123456789012:role/team-a", "annotateOnly", true)));
    }

    @Test
    void onlyTheNameIsRequired() {
        CreateProfileRequest request = ProfileRequests.create(json(Map.of("name", "team-a")));

        assertThat(request.owner()).isNull();
        assertThat(request.resourceQuota()).isEmpty();
        assertThat(request.plugins()).isEmpty();
    }

    @Test
    void everyFaultIsNamedByItsField() {
        List<Violation> violations = violationsOf(() -> ProfileRequests.create(json(Map.of(
                "name",
                "Team_A",
                "resourceQuota",
                Map.of("cpu", "six", "memory", "-1Gi", "bad name!", "1"),
                "plugins",
                List.of(Map.of("kind", "Vault", "spec", Map.of())),
                "colour",
                "blue"))));

        assertThat(violations)
                .extracting(Violation::getField)
                .containsExactlyInAnyOrder(
                        "name",
                        "resourceQuota.cpu",
                        "resourceQuota.memory",
                        "resourceQuota.bad name!",
                        "plugins[0].kind",
                        "colour");
    }

    @Test
    void aMissingNameIsRequired() {
        assertThat(violationsOf(() -> ProfileRequests.create(json(Map.of("owner", "alice@example.com")))))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.getField()).isEqualTo("name");
                    assertThat(violation.getMessage()).isEqualTo("is required");
                });
    }

    @Test
    void aNameLongerThanALabelIsInvalid() {
        assertThat(violationsOf(() -> ProfileRequests.create(json(Map.of("name", "a".repeat(64))))))
                .extracting(Violation::getField)
                .containsExactly("name");
    }

    @Test
    void fieldsOfTheWrongTypeAreNamed() {
        List<Violation> violations = violationsOf(() -> ProfileRequests.create(json(
                Map.of("name", 7, "resourceQuota", Map.of("cpu", 6), "plugins", Map.of("kind", "WorkloadIdentity")))));

        assertThat(violations)
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactlyInAnyOrder(
                        tuple("name", "must be a string"),
                        tuple("resourceQuota.cpu", "must be a string"),
                        tuple("plugins", "must be an array"));
    }

    @Test
    void pluginSpecsHaveExactlyTheirKindsFields() {
        List<Violation> violations = violationsOf(() -> ProfileRequests.create(json(Map.of(
                "name",
                "team-a",
                "plugins",
                List.of(
                        Map.of("kind", "WorkloadIdentity", "spec", Map.of("gcpServiceAccount", "", "project", "p")),
                        Map.of("kind", "AwsIamForServiceAccount", "spec", Map.of("awsIamRole", "team-a")),
                        Map.of("kind", "WorkloadIdentity", "spec", Map.of("gcpServiceAccount", "a@b.com")))))));

        assertThat(violations)
                .extracting(Violation::getField)
                .containsExactlyInAnyOrder(
                        "plugins[0].spec.gcpServiceAccount",
                        "plugins[0].spec.project",
                        "plugins[1].spec.awsIamRole",
                        "plugins[2].kind");
    }

    @Test
    void anUpdateTellsAbsentFromEmpty() {
        UpdateProfileRequest onlyOwner = ProfileRequests.update(json(Map.of("owner", "bob@example.com")));
        UpdateProfileRequest clearQuota = ProfileRequests.update(json(Collections.singletonMap("resourceQuota", null)));

        assertThat(onlyOwner.resourceQuota()).isNull();
        assertThat(onlyOwner.plugins()).isNull();
        assertThat(clearQuota.resourceQuota()).isEmpty();
        assertThat(clearQuota.owner()).isNull();
    }

    @Test
    void anUpdateCannotRenameAProfile() {
        assertThat(violationsOf(() -> ProfileRequests.update(json(Map.of("name", "other")))))
                .extracting(Violation::getField)
                .containsExactly("name");
    }

    @Test
    void aBodyThatIsNotAnObjectIsInvalid() {
        assertThat(violationsOf(() -> ProfileRequests.create(JsonNode.createStringNode("team-a"))))
                .extracting(Violation::getField)
                .containsExactly("body");
    }

    private static List<Violation> violationsOf(Runnable read) {
        ConstraintViolationThrowableProblem problem =
                catchThrowableOfType(ConstraintViolationThrowableProblem.class, read::run);
        assertThat(problem).as("a 422 problem").isNotNull();
        assertThat(problem.getStatus().getStatusCode()).isEqualTo(422);
        return problem.getViolations();
    }

    private static JsonNode json(Object value) {
        return JsonNode.from(value);
    }
}
