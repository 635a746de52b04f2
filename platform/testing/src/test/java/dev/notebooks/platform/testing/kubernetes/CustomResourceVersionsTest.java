package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every served version of a CRD is the same stored object, as with {@code conversion: None} on a real server. */
class CustomResourceVersionsTest {

    private final RawApi api = RawApi.shared();
    private final String name = "versions-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void profileCreatedAsV1beta1IsListedAndReadAsV1() {
        var created = api.post("/apis/kubeflow.org/v1beta1/profiles", profile("kubeflow.org/v1beta1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("apiVersion").asText()).isEqualTo("kubeflow.org/v1beta1");

        var read = api.get("/apis/kubeflow.org/v1/profiles/" + name);
        assertThat(read.body().path("apiVersion").asText()).isEqualTo("kubeflow.org/v1");
        assertThat(read.body().path("metadata").path("uid").asText())
                .isEqualTo(created.body().path("metadata").path("uid").asText());
        List<String> listed = new ArrayList<>();
        api.get("/apis/kubeflow.org/v1/profiles").body().path("items").forEach(item -> {
            if (item.path("metadata").path("name").asText().equals(name)) {
                listed.add(item.path("apiVersion").asText());
            }
        });
        assertThat(listed).containsExactly("kubeflow.org/v1");
    }

    @Test
    void notebookWrittenInOneVersionIsChangedAndDeletedThroughAnother() {
        String notebook =
                """
                {"apiVersion": "kubeflow.org/v1alpha1", "kind": "Notebook", "metadata": {"name": "%s"},
                 "spec": {"template": {"spec": {"containers": [{"name": "%s", "image": "jupyter"}]}}}}"""
                        .formatted(name, name);
        assertThat(api.post("/apis/kubeflow.org/v1alpha1/namespaces/default/notebooks", notebook)
                        .status())
                .isEqualTo(201);

        var patched = api.patch(
                "/apis/kubeflow.org/v1beta1/namespaces/default/notebooks/" + name,
                "application/merge-patch+json",
                "{\"metadata\": {\"labels\": {\"app\": \"" + name + "\"}}}");
        assertThat(patched.body().path("apiVersion").asText()).isEqualTo("kubeflow.org/v1beta1");

        assertThat(api.get("/apis/kubeflow.org/v1/namespaces/default/notebooks/" + name)
                        .body()
                        .path("metadata")
                        .path("labels")
                        .path("app")
                        .asText())
                .isEqualTo(name);
        assertThat(api.delete("/apis/kubeflow.org/v1/namespaces/default/notebooks/" + name)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/apis/kubeflow.org/v1alpha1/namespaces/default/notebooks/" + name)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aVersionTheCrdDoesNotServeIsNotFound() {
        assertThat(api.get("/apis/kubeflow.org/v2/profiles").status()).isEqualTo(404);
    }

    private String profile(String apiVersion) {
        return """
                {"apiVersion": "%s", "kind": "Profile", "metadata": {"name": "%s"},
                 "spec": {"owner": {"kind": "User", "name": "alice@example.com"}}}"""
                .formatted(apiVersion, name);
    }
}
