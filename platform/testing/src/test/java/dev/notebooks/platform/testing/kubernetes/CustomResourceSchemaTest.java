package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The suite's CRD schemas hold what our services and Kubeflow's manifests write. The API double neither prunes nor
 * validates, so these checks stand in for a real API server: a field the schema does not name would be pruned, a
 * value of the wrong type rejected.
 */
class CustomResourceSchemaTest {

    private static final String CONDITION =
            """
            {"type": "Ready", "status": "True", "reason": "Reconciled", "message": "namespace alice is ready",
             "lastTransitionTime": "2025-01-01T00:00:00Z", "lastProbeTime": "2025-01-01T00:00:00Z",
             "observedGeneration": 3}""";

    @Test
    void profileStatusKeepsEveryConditionFieldAndTheObservedGeneration() {
        String status = "{\"observedGeneration\": 3, \"conditions\": [%s]}".formatted(CONDITION);

        assertThat(problemsInEveryVersion("profiles.kubeflow.org", "status", status))
                .isEmpty();
    }

    @Test
    void notebookStatusKeepsEveryConditionFieldAndTheObservedGeneration() {
        String status =
                """
                {"observedGeneration": 3, "readyReplicas": 1, "containerState": {"running": {"startedAt": "2025-01-01T00:00:00Z"}},
                 "conditions": [%s]}"""
                        .formatted(CONDITION);

        assertThat(problemsInEveryVersion("notebooks.kubeflow.org", "status", status))
                .isEmpty();
    }

    @Test
    void profileSpecHoldsKubeflowsProfileSpec() {
        String spec =
                """
                {"owner": {"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "alice@example.com"},
                 "resourceQuotaSpec": {"hard": {"cpu": "2", "memory": "2Gi", "requests.nvidia.com/gpu": 1},
                                       "scopes": ["NotTerminating"],
                                       "scopeSelector": {"matchExpressions": [
                                           {"operator": "In", "scopeName": "PriorityClass", "values": ["high"]}]}},
                 "plugins": [{"kind": "WorkloadIdentity", "spec": {"gcpServiceAccount": "alice@project.iam.gserviceaccount.com"}},
                             {"kind": "AwsIamForServiceAccount",
                              "spec": {"awsIamRole": "arn:aws:iam::123456789012:role/alice", "annotateOnly": true}}]}""";

        assertThat(problemsInEveryVersion("profiles.kubeflow.org", "spec", spec))
                .isEmpty();
    }

    @Test
    void checkFindsFieldsTheSchemaDoesNotNameAndValuesOfTheWrongType() {
        String status = "{\"conditions\": [{\"type\": \"Ready\", \"status\": true, \"colour\": \"green\"}]}";

        assertThat(problemsInEveryVersion("profiles.kubeflow.org", "status", status))
                .contains(
                        "v1: status/conditions/0/colour would be pruned",
                        "v1: status/conditions/0/status is not a string");
    }

    private static List<String> problemsInEveryVersion(String crdName, String field, String json) {
        JsonNode value = Serialization.jsonMapper().readTree(json);
        List<String> problems = new ArrayList<>();
        for (CustomResourceDefinitionVersion version : crd(crdName).getSpec().getVersions()) {
            JSONSchemaProps schema =
                    version.getSchema().getOpenAPIV3Schema().getProperties().get(field);
            check(version.getName() + ": " + field, value, schema, problems);
        }
        return problems;
    }

    private static CustomResourceDefinition crd(String name) {
        return SuiteCustomResourceDefinitions.load().stream()
                .filter(crd -> crd.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void check(String path, JsonNode value, JSONSchemaProps schema, List<String> problems) {
        if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            if (!value.isIntegralNumber() && !value.isString()) {
                problems.add(path + " is not an integer or a string");
            }
            return;
        }
        String type = schema.getType() == null ? "" : schema.getType();
        switch (type) {
            case "object" -> checkObject(path, value, schema, problems);
            case "array" -> checkArray(path, value, schema, problems);
            case "string" -> expect(value.isString(), path + " is not a string", problems);
            case "integer" -> expect(value.isIntegralNumber(), path + " is not an integer", problems);
            case "boolean" -> expect(value.isBoolean(), path + " is not a boolean", problems);
            default -> {}
        }
    }

    private static void checkObject(String path, JsonNode value, JSONSchemaProps schema, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + " is not an object");
            return;
        }
        for (String required : schema.getRequired()) {
            expect(value.has(required), path + "/" + required + " is required", problems);
        }
        for (var field : value.properties()) {
            String fieldPath = path + "/" + field.getKey();
            JSONSchemaProps known = schema.getProperties().get(field.getKey());
            if (known != null) {
                check(fieldPath, field.getValue(), known, problems);
            } else if (schema.getAdditionalProperties() != null
                    && schema.getAdditionalProperties().getSchema() != null) {
                check(
                        fieldPath,
                        field.getValue(),
                        schema.getAdditionalProperties().getSchema(),
                        problems);
            } else if (!Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
                problems.add(fieldPath + " would be pruned");
            }
        }
    }

    private static void checkArray(String path, JsonNode value, JSONSchemaProps schema, List<String> problems) {
        if (!value.isArray()) {
            problems.add(path + " is not an array");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(path + "/" + i, value.get(i), schema.getItems().getSchema(), problems);
        }
    }

    private static void expect(boolean holds, String problem, List<String> problems) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
