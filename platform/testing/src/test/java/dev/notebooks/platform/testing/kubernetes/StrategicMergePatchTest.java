package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Strategic merge patch with Kubernetes' merge keys and directives, as kubectl edit, apply and patch send it. */
class StrategicMergePatchTest {

    private static final String SMP = "application/strategic-merge-patch+json";
    private final RawApi api = RawApi.shared();
    private final String name = "smp-" + UUID.randomUUID().toString().substring(0, 8);
    private final String path = "/apis/apps/v1/namespaces/default/statefulsets/" + name;

    @BeforeEach
    void statefulSet() {
        var created = api.post(
                "/apis/apps/v1/namespaces/default/statefulsets",
                """
                {"metadata": {"name": "%s"}, "spec": {"selector": {"matchLabels": {"app": "%s"}},
                  "template": {"metadata": {"labels": {"app": "%s"}}, "spec": {
                    "containers": [
                      {"name": "server", "image": "jupyter:1", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
                       "volumeMounts": [{"name": "home", "mountPath": "/home/jovyan"}]},
                      {"name": "sidecar", "image": "proxy:1"}],
                    "volumes": [{"name": "home", "emptyDir": {}}]}}}}"""
                        .formatted(name, name, name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void containerEnvMergesByNameAndOtherContainersStay() {
        var patched = api.patch(
                path,
                SMP,
                """
                {"spec": {"template": {"spec": {"containers": [
                  {"name": "server", "env": [{"name": "B", "value": "changed"}, {"name": "C", "value": "3"}]}]}}}}""");

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        JsonNode server = container(patched.body(), "server");
        assertThat(env(server)).containsExactly("A=1", "B=changed", "C=3");
        assertThat(server.path("image").asText()).isEqualTo("jupyter:1");
        assertThat(container(patched.body(), "sidecar").path("image").asText()).isEqualTo("proxy:1");
        assertThat(patched.body().path("metadata").path("generation").asInt()).isEqualTo(2);
    }

    @Test
    void deleteDirectiveRemovesOneElementByItsKey() {
        var patched = api.patch(
                path,
                SMP,
                """
                {"spec": {"template": {"spec": {"containers": [{"name": "sidecar", "$patch": "delete"},
                  {"name": "server", "env": [{"name": "A", "$patch": "delete"}]}]}}}}""");

        assertThat(names(patched.body()
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")))
                .containsExactly("server");
        assertThat(env(container(patched.body(), "server"))).containsExactly("B=2");
    }

    @Test
    void replaceDirectiveReplacesTheWholeList() {
        var patched = api.patch(
                path,
                SMP,
                """
                {"spec": {"template": {"spec": {"volumes": [{"$patch": "replace"}, {"name": "data", "emptyDir": {}}]}}}}""");

        assertThat(names(patched.body()
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("volumes")))
                .containsExactly("data");
    }

    @Test
    void listWithoutAMergeKeyIsReplacedAndMapsMergeWithNullRemoving() {
        var patched = api.patch(
                path,
                SMP,
                """
                {"metadata": {"labels": {"team": "a"}},
                 "spec": {"template": {"metadata": {"labels": {"app": null, "tier": "web"}},
                   "spec": {"containers": [{"name": "server", "args": ["--one"]}]}}}}""");
        var again = api.patch(
                path,
                SMP,
                """
                {"spec": {"template": {"spec": {"containers": [{"name": "server", "args": ["--two"]}]}}}}""");

        assertThat(patched.body()
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                        .toString())
                .isEqualTo("{\"tier\":\"web\"}");
        assertThat(container(again.body(), "server").path("args").toString()).isEqualTo("[\"--two\"]");
    }

    @Test
    void setElementOrderOrdersTheMergedList() {
        var patched = api.patch(
                path,
                SMP,
                """
                {"spec": {"template": {"spec": {"$setElementOrder/containers": [{"name": "sidecar"}, {"name": "server"}],
                  "containers": [{"name": "server", "image": "jupyter:2"}]}}}}""");

        assertThat(names(patched.body()
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")))
                .containsExactly("sidecar", "server");
    }

    @Test
    void customResourcesRefuseStrategicMergePatchAsARealServerDoes() {
        var refused = api.patch("/apis/kubeflow.org/v1/profiles/anything", SMP, "{\"metadata\": {}}");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body().path("reason").asText()).isEqualTo("UnsupportedMediaType");
    }

    private static JsonNode container(JsonNode statefulSet, String name) {
        for (JsonNode container :
                statefulSet.path("spec").path("template").path("spec").path("containers")) {
            if (container.path("name").asText().equals(name)) {
                return container;
            }
        }
        throw new AssertionError("no container " + name + " in " + statefulSet);
    }

    private static List<String> env(JsonNode container) {
        List<String> env = new ArrayList<>();
        container
                .path("env")
                .forEach(variable -> env.add(variable.path("name").asText() + "="
                        + variable.path("value").asText()));
        return env;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
