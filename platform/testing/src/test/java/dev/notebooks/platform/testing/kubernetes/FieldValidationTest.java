package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Custom resources against their CRD's schema, with fieldValidation as a real server reads it. */
class FieldValidationTest {

    private final RawApi api = RawApi.shared();
    private final String name = "fields-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void strictRefusesAnUnknownFieldAndNamesIt() {
        var refused =
                api.post("/apis/kubeflow.org/v1/profiles?fieldValidation=Strict", profile(", \"colour\": \"green\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("message").asText()).contains("unknown field \"spec.colour\"");
        assertThat(api.get("/apis/kubeflow.org/v1/profiles/" + name).status()).isEqualTo(404);
    }

    @Test
    void warnStoresWithoutTheUnknownFieldAndSaysSo() {
        var stored =
                api.post("/apis/kubeflow.org/v1/profiles?fieldValidation=Warn", profile(", \"colour\": \"green\""));

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.warnings())
                .anySatisfy(warning -> assertThat(warning).contains("unknown field \\\"spec.colour\\\""));
        assertThat(stored.body().path("spec").has("colour")).isFalse();
    }

    @Test
    void ignoreDropsTheUnknownFieldSilently() {
        var stored =
                api.post("/apis/kubeflow.org/v1/profiles?fieldValidation=Ignore", profile(", \"colour\": \"green\""));

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.warnings()).isEmpty();
        assertThat(stored.body().path("spec").has("colour")).isFalse();
    }

    @Test
    void schemaKeepsEveryFieldTheServicesWriteIntoStatus() {
        api.post("/apis/kubeflow.org/v1/profiles?fieldValidation=Strict", profile(""));
        String status =
                """
                {"status": {"observedGeneration": 3, "conditions": [{"type": "Ready", "status": "True",
                  "reason": "Reconciled", "message": "ready", "lastTransitionTime": "2025-01-01T00:00:00Z",
                  "observedGeneration": 3}]}}""";

        var patched = api.patch(
                "/apis/kubeflow.org/v1/profiles/" + name + "/status?fieldValidation=Strict",
                "application/merge-patch+json",
                status);

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body()
                        .path("status")
                        .path("conditions")
                        .get(0)
                        .path("observedGeneration")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void valueOfTheWrongTypeAndAMissingRequiredFieldAreUnprocessableWithTheFieldsNamed() {
        var refused = api.post(
                "/apis/kubeflow.org/v1/namespaces/default/notebooks",
                """
                {"apiVersion": "kubeflow.org/v1", "kind": "Notebook", "metadata": {"name": "%s"},
                 "spec": {"template": {"spec": {"containers": [{"name": 7}]}}}}"""
                        .formatted(name));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("details").path("causes").toString())
                .contains("spec.template.spec.containers[0].name")
                .contains("spec.template.spec.containers[0].image");
    }

    private String profile(String extraSpec) {
        return """
                {"apiVersion": "kubeflow.org/v1", "kind": "Profile", "metadata": {"name": "%s"},
                 "spec": {"owner": {"kind": "User", "name": "alice@example.com"}%s}}"""
                .formatted(name, extraSpec);
    }
}
