package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API double driven by the real kubectl, the way users drive a cluster. */
class KubectlTest {

    private final Kubectl kubectl = new Kubectl(KubernetesFixture.shared().kubeconfig());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "kubectl-" + suffix;

    @BeforeEach
    void namespace() {
        assertThat(kubectl.run("create", "namespace", namespace).succeeded().output())
                .contains("namespace/" + namespace + " created");
    }

    @Test
    void applyOfAV1beta1ProfileWithDefaultValidationIsListedAsV1() {
        String profile =
                """
                apiVersion: kubeflow.org/v1beta1
                kind: Profile
                metadata:
                  name: team-%s
                spec:
                  owner:
                    kind: User
                    name: alice@example.com
                """
                        .formatted(suffix);

        assertThat(kubectl.run(Map.of(), profile, "apply", "-f", "-")
                        .succeeded()
                        .output())
                .contains("profile.kubeflow.org/team-" + suffix + " created");

        assertThat(kubectl.run("get", "profiles.v1.kubeflow.org", "team-" + suffix, "-o", "jsonpath={.apiVersion}")
                        .succeeded()
                        .output())
                .isEqualTo("kubeflow.org/v1");
    }

    @Test
    void applyRefusesAnUnknownFieldOfACustomResourceNamingIt() {
        String notebook =
                """
                apiVersion: kubeflow.org/v1
                kind: Notebook
                metadata:
                  name: nb
                  namespace: %s
                spec:
                  colour: green
                  template:
                    spec:
                      containers:
                      - name: nb
                        image: kubeflownotebookswg/jupyter-scipy:v1.9.0
                """
                        .formatted(namespace);

        var refused = kubectl.run(Map.of(), notebook, "apply", "-f", "-");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("unknown field \"spec.colour\"");
    }

    @Test
    void applyTwiceAndAStrategicPatchChangeAStatefulSetsContainerEnv() {
        String statefulSet =
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: web
                  namespace: %s
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: server
                        image: jupyter:1
                        env:
                        - {name: A, value: "%s"}
                """;
        kubectl.run(Map.of(), statefulSet.formatted(namespace, "1"), "apply", "-f", "-")
                .succeeded();
        assertThat(kubectl.run(Map.of(), statefulSet.formatted(namespace, "2"), "apply", "-f", "-")
                        .succeeded()
                        .output())
                .contains("statefulset.apps/web configured");

        kubectl.run(
                        "patch",
                        "statefulset",
                        "web",
                        "-n",
                        namespace,
                        "-p",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"server\",\"env\":[{\"name\":\"B\",\"value\":\"3\"}]}]}}}}")
                .succeeded();

        assertThat(kubectl.run(
                                "get",
                                "statefulset",
                                "web",
                                "-n",
                                namespace,
                                "-o",
                                "jsonpath={.spec.template.spec.containers[0].env}")
                        .succeeded()
                        .output())
                .isEqualTo("[{\"name\":\"A\",\"value\":\"2\"},{\"name\":\"B\",\"value\":\"3\"}]");
    }

    @Test
    void editOfAConfigMapThroughTheEditorIsStored() throws Exception {
        kubectl.run("create", "configmap", "jupyter-web-app-config", "-n", namespace, "--from-literal=images=jupyter")
                .succeeded();
        Path editor = Files.createTempFile("editor", ".sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/images: jupyter/images: jupyter,rstudio/' \"$1\"\n");
        editor.toFile().setExecutable(true);

        assertThat(kubectl.run(
                                Map.of("KUBE_EDITOR", editor.toString()),
                                null,
                                "edit",
                                "configmap",
                                "jupyter-web-app-config",
                                "-n",
                                namespace)
                        .succeeded()
                        .output())
                .contains("edited");

        assertThat(kubectl.run(
                                "get",
                                "configmap",
                                "jupyter-web-app-config",
                                "-n",
                                namespace,
                                "-o",
                                "jsonpath={.data.images}")
                        .succeeded()
                        .output())
                .isEqualTo("jupyter,rstudio");
    }

    @Test
    void imperativeCommandsWork() {
        kubectl.run("create", "configmap", "settings", "-n", namespace, "--from-literal=a=1")
                .succeeded();
        kubectl.run("create", "secret", "generic", "token", "-n", namespace, "--from-literal=p=q")
                .succeeded();
        kubectl.run("label", "configmap", "settings", "-n", namespace, "team=research")
                .succeeded();
        kubectl.run("annotate", "configmap", "settings", "-n", namespace, "note=hello")
                .succeeded();
        kubectl.run("create", "deployment", "dex", "-n", namespace, "--image=dexidp/dex:v2.41.1")
                .succeeded();
        kubectl.run("rollout", "restart", "deployment", "dex", "-n", namespace).succeeded();
        kubectl.run("scale", "deployment", "dex", "-n", namespace, "--replicas=2")
                .succeeded();
        kubectl.run("patch", "configmap", "settings", "-n", namespace, "--type=merge", "-p", "{\"data\":{\"b\":\"2\"}}")
                .succeeded();
        kubectl.run(
                        "patch",
                        "configmap",
                        "settings",
                        "-n",
                        namespace,
                        "--type=json",
                        "-p",
                        "[{\"op\":\"remove\",\"path\":\"/data/a\"}]")
                .succeeded();

        assertThat(kubectl.run(
                                "get",
                                "configmap",
                                "settings",
                                "-n",
                                namespace,
                                "-o",
                                "jsonpath={.metadata.labels.team} {.metadata.annotations.note} {.data}")
                        .succeeded()
                        .output())
                .isEqualTo("research hello {\"b\":\"2\"}");
        assertThat(kubectl.run("get", "secret", "token", "-n", namespace, "-o", "jsonpath={.data.p}")
                        .succeeded()
                        .output())
                .isEqualTo("cQ==");
        assertThat(kubectl.run(
                                "get",
                                "deployment",
                                "dex",
                                "-n",
                                namespace,
                                "-o",
                                "jsonpath={.spec.replicas} {.spec.template.metadata.annotations}")
                        .succeeded()
                        .output())
                .startsWith("2 ")
                .contains("kubectl.kubernetes.io/restartedAt");
        kubectl.run("delete", "configmap", "settings", "-n", namespace).succeeded();
        assertThat(kubectl.run("get", "configmap", "settings", "-n", namespace).exitCode())
                .isNotZero();
    }

    @Test
    void deleteCascadesToOwnedObjectsAndANamespaceTakesItsContent() {
        kubectl.run("create", "configmap", "owner", "-n", namespace).succeeded();
        String uid = kubectl.run("get", "configmap", "owner", "-n", namespace, "-o", "jsonpath={.metadata.uid}")
                .succeeded()
                .output();
        kubectl.run(
                        Map.of(),
                        """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: owned
                  namespace: %s
                  ownerReferences:
                  - {apiVersion: v1, kind: ConfigMap, name: owner, uid: %s}
                """
                                .formatted(namespace, uid),
                        "apply",
                        "-f",
                        "-")
                .succeeded();

        kubectl.run("delete", "configmap", "owner", "-n", namespace).succeeded();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> kubectl.run("get", "configmap", "owned", "-n", namespace)
                                .exitCode()
                        != 0);
        kubectl.run("create", "configmap", "left", "-n", namespace).succeeded();
        kubectl.run("delete", "namespace", namespace, "--wait=true").succeeded();
        assertThat(kubectl.run("get", "namespace", namespace).exitCode()).isNotZero();
    }
}
