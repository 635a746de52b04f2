package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The OpenAPI documents kubectl reads, generated from the CRDs' schemas and client-java's models. */
class OpenApiTest {

    private final RawApi api = RawApi.shared();

    @Test
    void v3IndexListsEveryGroupVersionServed() {
        JsonNode paths = api.get("/openapi/v3").body().path("paths");

        assertThat(paths.has("api/v1")).isTrue();
        assertThat(paths.has("apis/apps/v1")).isTrue();
        assertThat(paths.has("apis/kubeflow.org/v1")).isTrue();
        assertThat(paths.has("apis/kubeflow.org/v1beta1")).isTrue();
        assertThat(paths.path("apis/kubeflow.org/v1").path("serverRelativeURL").asText())
                .startsWith("/openapi/v3/apis/kubeflow.org/v1?hash=");
    }

    @Test
    void customResourceSchemaComesFromItsCrdAndWritesDeclareFieldValidation() {
        JsonNode document = api.get("/openapi/v3/apis/kubeflow.org/v1").body();

        JsonNode profile = document.path("components").path("schemas").path("org.kubeflow.v1.Profile");
        assertThat(profile.path("properties").path("spec").path("properties").has("owner"))
                .isTrue();
        assertThat(profile.path("x-kubernetes-group-version-kind")
                        .get(0)
                        .path("kind")
                        .asText())
                .isEqualTo("Profile");
        JsonNode patch = document.path("paths")
                .path("/apis/kubeflow.org/v1/profiles/{name}")
                .path("patch");
        assertThat(patch.path("parameters").toString()).contains("\"fieldValidation\"");
        assertThat(patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"))
                .isFalse();
    }

    @Test
    void builtInKindsCarryTheirStrategicMergeKeys() {
        JsonNode schemas =
                api.get("/openapi/v3/api/v1").body().path("components").path("schemas");

        JsonNode containers = schemas.path("V1PodSpec").path("properties").path("containers");
        assertThat(containers.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
        assertThat(containers.path("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
        assertThat(schemas.path("io.k8s.api.core.v1.Pod").path("properties").has("spec"))
                .isTrue();
        assertThat(schemas.path("V1Container").path("required").toString()).contains("name");
    }

    @Test
    void v2IsServedAsJsonAndRefusedAsProtobuf() {
        JsonNode swagger = api.get("/openapi/v2").body();

        assertThat(swagger.path("swagger").asText()).isEqualTo("2.0");
        assertThat(swagger.path("definitions").has("io.k8s.api.apps.v1.StatefulSet"))
                .isTrue();
        assertThat(swagger.path("paths").has("/apis/kubeflow.org/v1/namespaces/{namespace}/notebooks/{name}"))
                .isTrue();
    }
}
