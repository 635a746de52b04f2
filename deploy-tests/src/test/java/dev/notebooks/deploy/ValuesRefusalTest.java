package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that would not work are refused by Helm before anything reaches a cluster: one case per rule of
 * values.schema.json, and per check the templates make where a schema cannot compare two values.
 */
class ValuesRefusalTest {

    /** A value that breaks one rule, and what Helm's refusal names. */
    record Refusal(String rule, Map<String, Object> sets, List<String> valuesFiles, String named) {

        static Refusal of(String rule, String named, Object... keysAndValues) {
            return of(rule, named, List.of(), keysAndValues);
        }

        static Refusal of(String rule, String named, List<String> valuesFiles, Object... keysAndValues) {
            var sets = new java.util.LinkedHashMap<String, Object>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                sets.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            return new Refusal(rule, sets, valuesFiles, named);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                Refusal.of("an unknown top-level key (a typo) is refused", "replicas", "replicas", "2"),
                Refusal.of(
                        "an unknown key of a service is refused", "replica", "services.notebook-service.replica", "2"),
                Refusal.of(
                        "a service the chart does not have is refused",
                        "jupyter-web-app",
                        "services.jupyter-web-app.enabled",
                        "true"),
                Refusal.of(
                        "postgresql.mode is external or cloudnativepg",
                        "postgresql.mode",
                        "postgresql.mode",
                        "embedded"),
                Refusal.of("external PostgreSQL needs a host", "host", "postgresql.external.host", ""),
                Refusal.of(
                        "JDBC parameters come without their '?'",
                        "parameters",
                        "postgresql.external.parameters",
                        "?sslmode=require"),
                Refusal.of("kafka.mode is external or strimzi", "kafka.mode", "kafka.mode", "zookeeper"),
                Refusal.of(
                        "bootstrap servers are host:port pairs",
                        "bootstrapServers",
                        "kafka.external.bootstrapServers",
                        "kafka.example.com"),
                Refusal.of(
                        "the security protocol is one Kafka knows",
                        "securityProtocol",
                        "kafka.external.securityProtocol",
                        "TLS"),
                Refusal.of(
                        "TLS to external brokers needs their CA",
                        "caSecret",
                        "kafka.external.securityProtocol",
                        "SASL_SSL"),
                Refusal.of(
                        "the SASL mechanism is one the services can log in with",
                        "mechanism",
                        "kafka.external.sasl.mechanism",
                        "GSSAPI"),
                Refusal.of("topic names take only Kafka's characters", "topicPrefix", "kafka.topicPrefix", "prod/"),
                Refusal.of("a topic has at least one partition", "partitions", "kafka.topics.partitions", "0"),
                Refusal.of(
                        "min.insync.replicas cannot exceed the replication factor",
                        "minInsyncReplicas",
                        "kafka.topics.minInsyncReplicas",
                        "4"),
                Refusal.of(
                        "Strimzi needs as many brokers as copies of a partition",
                        "kafka.strimzi.replicas",
                        "kafka.mode",
                        "strimzi",
                        "kafka.strimzi.replicas",
                        "1"),
                Refusal.of("Dex tokens need an issuer and an audience", "issuer", "identity.dexTokens.enabled", "true"),
                Refusal.of(
                        "the Dex issuer is a URL",
                        "issuer",
                        "identity.dexTokens.enabled",
                        "true",
                        "identity.dexTokens.issuer",
                        "dex.auth",
                        "identity.dexTokens.audience",
                        "kubeflow"),
                Refusal.of(
                        "the identity header is a header name",
                        "useridHeader",
                        "identity.useridHeader",
                        "kubeflow userid"),
                Refusal.of(
                        "a memory limit is required: the JVM sizes its heap from it",
                        "memory",
                        "podDefaults.resources.limits.memory",
                        null),
                Refusal.of(
                        "quantities are Kubernetes quantities",
                        "memory",
                        "podDefaults.resources.limits.memory",
                        "lots"),
                Refusal.of(
                        "a fixed heap (-Xmx) would ignore the container's limit", "jvmOptions", "jvmOptions", "-Xmx1g"),
                Refusal.of("replicas are not negative", "replicas", "podDefaults.replicas", "-1"),
                Refusal.of("an unknown key of the suite is refused", "image", "suite.image", "suite:1"),
                Refusal.of("the suite is on or off", "enabled", "suite.enabled", "sometimes"),
                Refusal.of("the suite's replicas are not negative", "replicas", "suite.replicas", "-1"),
                Refusal.of(
                        "the suite's pod has a memory limit: its JVM sizes its heap from it",
                        "memory",
                        "suite.resources.limits.memory",
                        null),
                Refusal.of("ports are unprivileged", "port", "services.auth-service.port", "80"),
                Refusal.of(
                        "database names are PostgreSQL identifiers",
                        "name",
                        "services.volume-service.database.name",
                        "volume-db"),
                Refusal.of(
                        "every service has its own database",
                        "own database",
                        "services.volume-service.database.name",
                        "notebook"),
                Refusal.of("pull policy is one Kubernetes knows", "pullPolicy", "image.pullPolicy", "Sometimes"),
                Refusal.of("the Istio gateway is namespace/name", "gateway", "istio.gateway", "kubeflow-gateway"),
                Refusal.of(
                        "a route prefix is a path ending in /",
                        "prefix",
                        "services.notebook-service.routes[0].prefix",
                        "/jupyter"),
                Refusal.of(
                        "the gateway namespace is a namespace name",
                        "gatewayNamespace",
                        "networkPolicy.gatewayNamespace",
                        "Istio_System"),
                Refusal.of("the scrape interval is a duration", "interval", "serviceMonitor.interval", "often"),
                Refusal.of(
                        "operator-made PostgreSQL has at least one instance",
                        "instances",
                        "postgresql.cloudnativepg.instances",
                        "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefused(Refusal refusal) {
        assertThatThrownBy(() -> Chart.render(
                        refusal.valuesFiles().stream()
                                .map(ValuesVariant::resource)
                                .toList(),
                        refusal.sets()))
                .as(refusal.rule())
                .hasMessageContaining(refusal.named());
    }
}
