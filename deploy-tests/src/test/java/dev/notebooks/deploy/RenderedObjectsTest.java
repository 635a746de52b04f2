package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code helm template} for the defaults and the matrix: what every set-up must hold, then what each one adds. */
class RenderedObjectsTest {

    @Test
    void lintsCleanInStrictMode() {
        var lint = Chart.lint();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyObjectReadsStrictlyIntoItsTypedModel(ValuesVariant variant) {
        var rendered = Chart.render(variant);

        assertThat(rendered.objects()).isNotEmpty();
        for (JsonNode object : rendered.objects()) {
            if (!StrictModels.isCustomResource(object)) {
                assertThat(StrictModels.read(object)).isNotNull();
            }
        }
    }

    @Test
    void aFieldTheModelDoesNotHaveFailsTheStrictRead() throws Exception {
        JsonNode deployment =
                Chart.render(ValuesVariant.DEFAULTS).ofKind("Deployment").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        deployment.path("spec").path("template").path("spec"))
                .put("runAsNonRoot", true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictModels.read(deployment))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("runAsNonRoot");
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyServiceHasItsObjects(ValuesVariant variant) {
        var rendered = Chart.render(variant);

        for (String kind : List.of(
                "Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(rendered.ofKind(kind))
                    .as(kind)
                    .map(o -> o.path("metadata").path("name").asText())
                    .containsExactlyInAnyOrderElementsOf(Services.objectNames());
        }
        for (Services service : Services.values()) {
            JsonNode kubeService = rendered.one("Service", service.objectName());
            assertThat(kubeService.at("/spec/ports/0/port").asInt()).isEqualTo(service.port);
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void podsRunLockedDownWithProbesLimitsAndJvmOptions(ValuesVariant variant) {
        for (JsonNode deployment : Chart.render(variant).ofKind("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            int port = Services.valueOf(serviceOf(name)).port;

            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                    .isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean())
                    .isFalse();
            assertThat(texts(container.at("/securityContext/capabilities/drop")))
                    .containsExactly("ALL");
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/readiness");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
            assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("320Mi");
            assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("256Mi");
            // the chart's default is the build's one setting of the JVM options (root pom jvm.flags), as the images'
            assertThat(env(container, "JAVA_TOOL_OPTIONS")).isEqualTo(System.getProperty("deploy-tests.jvm-flags"));
            assertThat(env(container, "MALLOC_ARENA_MAX")).isEqualTo("2");
            assertThat(container.at("/image").asText())
                    .isEqualTo(
                            "notebook-platform/" + Services.valueOf(serviceOf(name)).serviceName + ":0.1.0-SNAPSHOT");
            // the root filesystem is read-only: /tmp is the one writable place
            assertThat(StreamSupport.stream(container.at("/volumeMounts").spliterator(), false)
                            .map(m -> m.path("mountPath").asText()))
                    .contains("/tmp");
            assertThat(StreamSupport.stream(pod.at("/volumes").spliterator(), false)
                            .filter(v -> v.path("name").asText().equals("tmp")))
                    .allMatch(v -> v.has("emptyDir"));
        }
    }

    @Test
    void twoReplicasOfEveryService() {
        assertThat(Chart.render(ValuesVariant.TWO_REPLICAS).ofKind("Deployment"))
                .allMatch(d -> d.at("/spec/replicas").asInt() == 2);
        assertThat(Chart.render(ValuesVariant.DEFAULTS).ofKind("Deployment"))
                .allMatch(d -> d.at("/spec/replicas").asInt() == 1);
    }

    @Test
    void onlyTheGatewayNamespaceAndPrometheusGetIn() {
        for (JsonNode policy : Chart.render(ValuesVariant.DEFAULTS).ofKind("NetworkPolicy")) {
            JsonNode from = policy.at("/spec/ingress/0/from");
            assertThat(policy.at("/spec/ingress").size()).isEqualTo(1);
            assertThat(texts(policy.at("/spec/policyTypes"))).containsExactly("Ingress");
            assertThat(StreamSupport.stream(from.spliterator(), false)
                            .map(peer -> peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                                    .asText()))
                    .containsExactly("istio-system", "monitoring");
            assertThat(from.at("/1/podSelector/matchLabels/app.kubernetes.io~1name")
                            .asText())
                    .isEqualTo("prometheus");
        }
    }

    @Test
    void istioRoutesEachApiThroughTheGatewayOnlyWhenOn() {
        assertThat(Chart.render(ValuesVariant.DEFAULTS).ofKind("VirtualService"))
                .isEmpty();

        var rendered = Chart.render(ValuesVariant.ISTIO);
        assertThat(rendered.ofKind("VirtualService")).hasSize(5);
        JsonNode notebooks = rendered.one("VirtualService", Services.NOTEBOOK.objectName());
        assertThat(texts(notebooks.at("/spec/gateways"))).containsExactly("kubeflow/kubeflow-gateway");
        assertThat(notebooks.at("/spec/http/0/match/0/uri/prefix").asText()).isEqualTo("/jupyter/");
        assertThat(notebooks.at("/spec/http/0/rewrite/uri").asText()).isEqualTo("/");
        assertThat(notebooks.at("/spec/http/0/route/0/destination/host").asText())
                .isEqualTo("notebook-platform-notebook-service.notebook-platform.svc.cluster.local");
        assertThat(notebooks.at("/spec/http/0/route/0/destination/port/number").asInt())
                .isEqualTo(8082);
        assertThat(settings(rendered, Services.NOTEBOOK)
                        .at("/notebooks/istio/enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void headerSettingsAlwaysAndDexTokenSettingsWhenOn() {
        for (Services service : Services.values()) {
            JsonNode byDefault =
                    settings(Chart.render(ValuesVariant.DEFAULTS), service).at("/platform/security");
            assertThat(byDefault.path("userid-header").asText()).isEqualTo("kubeflow-userid");
            assertThat(byDefault.has("dex-tokens")).isFalse();

            JsonNode dex =
                    settings(Chart.render(ValuesVariant.DEX_TOKENS), service).at("/platform/security");
            assertThat(dex.path("userid-prefix").asText()).isEqualTo("accounts.google.com:");
            assertThat(texts(dex.path("cluster-admins"))).containsExactly("admin@example.com");
            JsonNode tokens = dex.path("dex-tokens");
            assertThat(tokens.path("enabled").asBoolean()).isTrue();
            assertThat(tokens.path("issuer").asText()).isEqualTo("http://dex.auth.svc.cluster.local:5556/dex");
            assertThat(tokens.path("audience").asText()).isEqualTo("kubeflow-oidc-authservice");
            assertThat(tokens.path("jwks-uri").asText()).isEqualTo("http://dex.auth.svc.cluster.local:5556/dex/keys");
            assertThat(tokens.path("email-claim").asText()).isEqualTo("email");
            assertThat(tokens.path("groups-claim").asText()).isEqualTo("groups");
        }
    }

    @Test
    void externalServersWithTlsAndSaslTakeCredentialsFromSecretsOnly() {
        var rendered = Chart.render(ValuesVariant.EXTERNAL_TLS_SASL);
        for (Services service : Services.values()) {
            JsonNode settings = settings(rendered, service);
            assertThat(settings.at("/datasources/default/url").asText())
                    .isEqualTo("jdbc:postgresql://pg.example.internal:5432/" + service.database
                            + "?sslmode=verify-full&sslrootcert=/etc/notebook-platform/postgresql-ca/ca.crt");
            JsonNode kafka = settings.path("kafka");
            assertThat(kafka.at("/bootstrap/servers").asText())
                    .isEqualTo("kafka-0.example.internal:9093,kafka-1.example.internal:9093");
            assertThat(kafka.path("security.protocol").asText()).isEqualTo("SASL_SSL");
            assertThat(kafka.path("sasl.mechanism").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(kafka.path("sasl.jaas.config").asText())
                    .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required"
                            + " username=\"${KAFKA_USERNAME}\" password=\"${KAFKA_PASSWORD}\";");
            assertThat(kafka.path("ssl.truststore.location").asText())
                    .isEqualTo("/etc/notebook-platform/kafka-ca/ca.crt");

            JsonNode container =
                    rendered.one("Deployment", service.objectName()).at("/spec/template/spec/containers/0");
            String prefix = service == Services.AUTH ? "auth-" : service.objectName() + "-";
            assertThat(secretRef(container, "DATASOURCES_DEFAULT_PASSWORD"))
                    .isEqualTo(service == Services.AUTH ? "auth-db-credentials" : prefix + "db");
            assertThat(secretRef(container, "KAFKA_PASSWORD"))
                    .isEqualTo(service == Services.AUTH ? "auth-kafka-credentials" : prefix + "kafka");
            assertThat(secretRef(container, "KAFKA_USERNAME")).isEqualTo(secretRef(container, "KAFKA_PASSWORD"));
        }
        // the chart makes no Secret in external mode: the credentials are the platform team's
        assertThat(rendered.ofKind("Secret")).isEmpty();
    }

    @Test
    void operatorsMakeTheDatabasesTopicsAndUsers() {
        var rendered = Chart.render(ValuesVariant.OPERATORS);

        JsonNode cluster = rendered.one("Cluster", "notebook-platform-postgres");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(StreamSupport.stream(cluster.at("/spec/managed/roles").spliterator(), false)
                        .map(role -> role.path("name").asText()))
                .containsExactlyInAnyOrder("profile", "notebook", "volume", "catalog", "auth");
        for (Services service : Services.values()) {
            JsonNode database = rendered.one("Database", "notebook-platform-postgres-" + service.database);
            assertThat(database.at("/spec/name").asText()).isEqualTo(service.database);
            assertThat(database.at("/spec/owner").asText()).isEqualTo(service.database);
            assertThat(StreamSupport.stream(cluster.at("/spec/managed/roles").spliterator(), false)
                            .filter(role -> role.path("name").asText().equals(service.database))
                            .map(role -> role.at("/passwordSecret/name").asText()))
                    .containsExactly(service.objectName() + "-db");
            assertThat(settings(rendered, service)
                            .at("/datasources/default/url")
                            .asText())
                    .startsWith("jdbc:postgresql://notebook-platform-postgres-rw.notebook-platform.svc:5432/"
                            + service.database + "?sslmode=verify-full");
            JsonNode user = rendered.one("KafkaUser", service.objectName() + "-kafka");
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            JsonNode kafka = settings(rendered, service).path("kafka");
            assertThat(kafka.at("/bootstrap/servers").asText())
                    .isEqualTo("notebook-platform-kafka-kafka-bootstrap.notebook-platform.svc:9093");
            assertThat(kafka.path("security.protocol").asText()).isEqualTo("SASL_SSL");
            assertThat(rendered.one("ServiceMonitor", service.objectName())
                            .at("/spec/endpoints/0/path")
                            .asText())
                    .isEqualTo("/prometheus");
        }

        assertThat(rendered.ofKind("KafkaTopic"))
                .map(topic -> topic.at("/spec/topicName").asText())
                .containsExactlyInAnyOrder(
                        "prod.profiles",
                        "prod.usage",
                        "prod.notebooks",
                        "prod.volumes",
                        "prod.catalog",
                        "prod.accounts");
        assertThat(rendered.ofKind("KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(6);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
        assertThat(rendered.one("Kafka", "notebook-platform-kafka")
                        .at("/spec/kafka/listeners/0/authentication/type")
                        .asText())
                .isEqualTo("scram-sha-512");
    }

    private static JsonNode settings(Chart.Rendered rendered, Services service) {
        String yaml = rendered.one("ConfigMap", service.objectName())
                .at("/data/application.yml")
                .asText();
        try {
            return Chart.YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            throw new AssertionError("the ConfigMap's application.yml does not parse: " + yaml, e);
        }
    }

    static String env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name))
                .map(e -> e.path("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + container));
    }

    static String secretRef(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name))
                .map(e -> e.at("/valueFrom/secretKeyRef/name")
                        .asText(e.path("value").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + container));
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static String serviceOf(String objectName) {
        String service = objectName.substring(Chart.RELEASE.length() + 1);
        for (Services s : Services.values()) {
            if (s.serviceName.equals(service)) {
                return s.name();
            }
        }
        throw new AssertionError("not a service's object: " + objectName);
    }
}
