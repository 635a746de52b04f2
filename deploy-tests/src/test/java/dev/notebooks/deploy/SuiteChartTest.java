package dev.notebooks.deploy;

import static dev.notebooks.deploy.RenderedObjectsTest.env;
import static dev.notebooks.deploy.RenderedObjectsTest.secretRef;
import static dev.notebooks.deploy.RenderedObjectsTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The chart with {@code suite.enabled}: the five services in one pod and one JVM. Each keeps its Service, ConfigMap,
 * database Secret, RBAC rules and NetworkPolicy; the suite's pod serves them all, each on its own port with its own
 * settings under its prefix, and its one ServiceAccount holds the five services' rules and nothing more.
 */
class SuiteChartTest {

    private static final String SUITE = Chart.RELEASE + "-suite";

    @Test
    void everyObjectReadsStrictlyIntoItsTypedModel() {
        for (JsonNode object : suite().objects()) {
            if (!StrictModels.isCustomResource(object)) {
                assertThat(StrictModels.read(object)).isNotNull();
            }
        }
    }

    @Test
    void oneLockedDownPodRunsTheFiveFromTheSuitesImage() {
        var rendered = suite();

        for (String kind : List.of("Deployment", "ServiceAccount", "PodDisruptionBudget")) {
            assertThat(rendered.ofKind(kind))
                    .as(kind)
                    .map(o -> o.at("/metadata/name").asText())
                    .containsExactly(SUITE);
        }
        JsonNode pod = rendered.one("Deployment", SUITE).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/image").asText()).isEqualTo("notebook-platform/suite:0.1.0-SNAPSHOT");
        assertThat(pod.at("/serviceAccountName").asText()).isEqualTo(SUITE);
        assertThat(pod.at("/enableServiceLinks").asBoolean(true))
                .as("no Service's variables, which a service of the suite would read as its settings")
                .isFalse();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                .isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean())
                .isFalse();
        assertThat(texts(container.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("704Mi");
        assertThat(env(container, "JAVA_TOOL_OPTIONS")).isEqualTo(System.getProperty("deploy-tests.jvm-flags"));
        assertThat(env(container, "SUITE_SERVICES"))
                .isEqualTo("profile-service,notebook-service,volume-service,image-catalog-service,auth-service");
        assertThat(StreamSupport.stream(container.at("/ports").spliterator(), false)
                        .map(port -> port.path("containerPort").asInt()))
                .containsExactly(8081, 8082, 8083, 8084, 8085);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
        assertThat(container.at("/startupProbe/httpGet/port").asInt())
                .as("the last service to start")
                .isEqualTo(8085);
        List<String> readiness = texts(container.at("/readinessProbe/exec/command"));
        assertThat(readiness).contains("dev.notebooks.platform.web.probe.HealthProbe");
        for (Services service : Services.values()) {
            assertThat(readiness).contains("http://127.0.0.1:" + service.port + "/health/readiness");
        }
    }

    @Test
    void eachServiceKeepsItsServiceConfigurationAndDatabaseUnderItsPrefix() {
        var rendered = suite();
        JsonNode deployment = rendered.one("Deployment", SUITE);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

        for (Services service : Services.values()) {
            String prefix = prefix(service);
            JsonNode kubeService = rendered.one("Service", service.objectName());
            kubeService.at("/spec/selector").fields().forEachRemaining(label -> assertThat(
                            podLabels.path(label.getKey()).asText())
                    .as("%s selects the suite's pod", service.objectName())
                    .isEqualTo(label.getValue().asText()));
            assertThat(kubeService.at("/spec/ports/0/targetPort").asInt()).isEqualTo(service.port);

            String configFile = env(container, prefix + "MICRONAUT_CONFIG_FILES");
            String volume = StreamSupport.stream(container.at("/volumeMounts").spliterator(), false)
                    .filter(mount ->
                            configFile.startsWith(mount.path("mountPath").asText() + "/"))
                    .map(mount -> mount.path("name").asText())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no mount holds " + configFile));
            assertThat(StreamSupport.stream(pod.at("/volumes").spliterator(), false)
                            .filter(v -> v.path("name").asText().equals(volume))
                            .map(v -> v.at("/configMap/name").asText()))
                    .as("%s's own ConfigMap", service.serviceName)
                    .containsExactly(service.objectName());
            assertThat(configFile).endsWith("/application.yml");
            assertThat(secretRef(container, prefix + "DATASOURCES_DEFAULT_USERNAME"))
                    .isEqualTo(service.objectName() + "-db");
            assertThat(secretRef(container, prefix + "DATASOURCES_DEFAULT_PASSWORD"))
                    .isEqualTo(service.objectName() + "-db");
        }
        assertThat(rendered.ofKind("ConfigMap"))
                .map(o -> o.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(Services.objectNames());
    }

    @Test
    void itsOneAccountHoldsTheFiveServicesRulesAndNothingMore() {
        var separate = Chart.render(ValuesVariant.DEFAULTS);
        var suite = suite();

        for (String kind : List.of("ClusterRole", "Role")) {
            assertThat(rules(suite, kind)).as(kind).isEqualTo(rules(separate, kind));
        }
        for (String kind : List.of("ClusterRoleBinding", "RoleBinding")) {
            List<JsonNode> bindings = suite.ofKind(kind);
            assertThat(bindings).hasSameSizeAs(separate.ofKind(kind));
            for (JsonNode binding : bindings) {
                assertThat(binding.path("subjects")).hasSize(1);
                assertThat(binding.at("/subjects/0/name").asText())
                        .as(binding.at("/metadata/name").asText())
                        .isEqualTo(SUITE);
                assertThat(binding.at("/roleRef"))
                        .isEqualTo(
                                separate.one(kind, binding.at("/metadata/name").asText())
                                        .at("/roleRef"));
            }
        }
    }

    @Test
    void onlyTheGatewayAndPrometheusReachEachServicesPort() {
        var rendered = suite();
        JsonNode podLabels = rendered.one("Deployment", SUITE).at("/spec/template/metadata/labels");

        for (Services service : Services.values()) {
            JsonNode policy = rendered.one("NetworkPolicy", service.objectName());
            policy.at("/spec/podSelector/matchLabels").fields().forEachRemaining(label -> assertThat(
                            podLabels.path(label.getKey()).asText())
                    .isEqualTo(label.getValue().asText()));
            assertThat(policy.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(service.port);
            assertThat(policy.at("/spec/ingress/0/from")).hasSize(2);
        }
    }

    @Test
    void saslCredentialsReachEachServiceUnderItsPrefix() throws Exception {
        var rendered = Chart.render(
                List.of(ValuesVariant.resource("external-tls-sasl.yaml"), ValuesVariant.resource("suite.yaml")),
                Map.of());
        JsonNode container = rendered.one("Deployment", SUITE).at("/spec/template/spec/containers/0");

        for (Services service : Services.values()) {
            String prefix = prefix(service);
            String jaas = Chart.YAML
                    .readTree(rendered.one("ConfigMap", service.objectName())
                            .at("/data/application.yml")
                            .asText())
                    .at("/kafka/sasl.jaas.config")
                    .asText();
            assertThat(jaas)
                    .contains("username=\"${" + prefix + "KAFKA_USERNAME}\"")
                    .contains("password=\"${" + prefix + "KAFKA_PASSWORD}\"");
            assertThat(secretRef(container, prefix + "KAFKA_PASSWORD")).isNotBlank();
        }
    }

    @Test
    void appliesStrictlyAndRollsOut() {
        String namespace = "np-suite";
        KubernetesFixture kubernetes = KubernetesFixture.shared();
        kubernetes.ensureNamespaces(namespace, "kubeflow", "auth");
        var rendered = Chart.render(List.of(ValuesVariant.resource("suite.yaml")), Map.of(), namespace);

        new Kubectl(kubernetes.kubeconfig())
                .run(rendered.yaml(), "apply", "--validate=strict", "-f", "-")
                .succeeded();
        var apps = new AppsV1Api(kubernetes.apiClient());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(apps.readNamespacedDeployment(SUITE, namespace)
                                .execute()
                                .getStatus()
                                .getAvailableReplicas())
                        .isEqualTo(1));
    }

    /** The suite's rule: PROFILE_SERVICE_ for profile-service (the suite module's SuiteMember.prefix()). */
    private static String prefix(Services service) {
        return service.serviceName.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    private static Chart.Rendered suite() {
        return Chart.render(List.of(ValuesVariant.resource("suite.yaml")), Map.of());
    }

    /** name -> rules of every object of the kind */
    private static Map<String, JsonNode> rules(Chart.Rendered rendered, String kind) {
        Map<String, JsonNode> rules = new java.util.TreeMap<>();
        for (JsonNode object : rendered.ofKind(kind)) {
            rules.put(
                    object.at("/metadata/namespace").asText() + "/"
                            + object.at("/metadata/name").asText(),
                    object.path("rules"));
        }
        return rules;
    }
}
