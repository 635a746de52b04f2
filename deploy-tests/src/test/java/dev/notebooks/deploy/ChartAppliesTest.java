package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kubectl apply} of the rendered chart to the Kubernetes API double, with kubectl's default strict field
 * validation: the operators' kinds (CloudNativePG, Strimzi, Prometheus Operator, Istio) are checked against the CRDs
 * those projects publish (src/test/resources/third-party-crds), so a field they do not know fails here. Then every
 * Deployment rolls out on the double's simulated node.
 */
class ChartAppliesTest {

    private static final KubernetesFixture KUBERNETES = KubernetesFixture.shared();
    private static final Kubectl KUBECTL = new Kubectl(KUBERNETES.kubeconfig());

    @BeforeAll
    static void registerTheOperatorsCrds() throws IOException, URISyntaxException {
        Path crds = Path.of(ChartAppliesTest.class
                .getClassLoader()
                .getResource("third-party-crds")
                .toURI());
        try (Stream<Path> files = Files.list(crds)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                // kubectl create, else replace: a CRD the double already has (Istio's, with an open schema) is replaced
                // by the project's own; no client-side apply, whose annotation the largest CRDs would not fit in
                var created = KUBECTL.run(null, "create", "-f", file.toString());
                if (created.exitCode() != 0) {
                    assertThat(created.output()).as(file.toString()).contains("AlreadyExists");
                    KUBECTL.run(null, "replace", "-f", file.toString()).succeeded();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void appliesStrictlyAndRollsOut(ValuesVariant variant) {
        String namespace = "np-" + variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        // a cluster running Kubeflow has its namespaces (the spawner ConfigMap's, Dex's): the chart's Roles go there
        KUBERNETES.ensureNamespaces(namespace, "kubeflow", "auth");
        var rendered = Chart.render(variant, namespace);

        KUBECTL.run(rendered.yaml(), "apply", "--validate=strict", "-f", "-").succeeded();
        // applying the same chart again (an upgrade without changes) changes nothing
        assertThat(KUBECTL.run(rendered.yaml(), "apply", "--validate=strict", "-f", "-")
                        .succeeded()
                        .output())
                .doesNotContain("configured")
                .doesNotContain("created");

        var apps = new AppsV1Api(KUBERNETES.apiClient());
        for (Services service : Services.values()) {
            int replicas = variant == ValuesVariant.TWO_REPLICAS || variant == ValuesVariant.EVERYTHING ? 2 : 1;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                V1Deployment deployment = apps.readNamespacedDeployment(service.objectName(), namespace)
                        .execute();
                assertThat(deployment.getStatus().getAvailableReplicas())
                        .as(service.objectName())
                        .isEqualTo(replicas);
            });
        }
    }

    @Test
    void aFieldAnOperatorDoesNotKnowIsRefused() {
        String namespace = "np-unknown-field";
        KUBERNETES.ensureNamespaces(namespace);
        var topic = Chart.render(ValuesVariant.OPERATORS, namespace)
                .ofKind("KafkaTopic")
                .get(0)
                .deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) topic.path("spec")).put("replicationFactor", 3);

        var refused = KUBECTL.run(yaml(topic), "apply", "--validate=strict", "-f", "-");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("replicationFactor");
    }

    private static String yaml(com.fasterxml.jackson.databind.JsonNode object) {
        try {
            return Chart.YAML.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
