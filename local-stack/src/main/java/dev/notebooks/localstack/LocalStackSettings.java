package dev.notebooks.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack starts and where, read from the environment. Each external address that is set
 * replaces the embedded component it names.
 *
 * @param root the checkout the stack runs from
 * @param dataDir where embedded components keep their data, the kubeconfig and service logs ({@code .local/})
 * @param postgresPort the embedded PostgreSQL's port ({@code LOCAL_POSTGRES_PORT}, default 5432)
 * @param kafkaPort the embedded Kafka's port ({@code LOCAL_KAFKA_PORT}, default 9092)
 * @param apiServerPort the Kubernetes API double's port ({@code LOCAL_APISERVER_PORT}, default 6443)
 * @param clusterAdmin the user the services treat as cluster admin ({@code LOCAL_CLUSTER_ADMIN})
 * @param kubeconfig a real cluster's kubeconfig ({@code KUBECONFIG}); empty means the API double
 * @param kafkaBootstrapServers a running Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}); empty means embedded
 * @param jdbcUrl a running PostgreSQL ({@code DATASOURCES_DEFAULT_URL}); empty means embedded
 * @param oneJvm the services in the suite module's one JVM instead of a process each ({@code LOCAL_STACK_ONE_JVM=true})
 */
record LocalStackSettings(
        Path root,
        Path dataDir,
        int postgresPort,
        int kafkaPort,
        int apiServerPort,
        String clusterAdmin,
        Optional<Path> kubeconfig,
        Optional<String> kafkaBootstrapServers,
        Optional<ExternalDatabase> jdbcUrl,
        boolean oneJvm) {

    static final int DEFAULT_POSTGRES_PORT = 5432;
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_APISERVER_PORT = 6443;
    static final String DEFAULT_CLUSTER_ADMIN = "admin@example.com";

    /** A PostgreSQL server that is already running; each service gets its own database on it. */
    record ExternalDatabase(String url, String username, String password) {}

    static LocalStackSettings from(Map<String, String> env, Path root) {
        return new LocalStackSettings(
                root,
                root.resolve(".local"),
                intOf(env, "LOCAL_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                intOf(env, "LOCAL_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                intOf(env, "LOCAL_APISERVER_PORT", DEFAULT_APISERVER_PORT),
                env.getOrDefault("LOCAL_CLUSTER_ADMIN", DEFAULT_CLUSTER_ADMIN),
                nonBlank(env, "KUBECONFIG").map(Path::of),
                nonBlank(env, "KAFKA_BOOTSTRAP_SERVERS"),
                nonBlank(env, "DATASOURCES_DEFAULT_URL")
                        .map(url -> new ExternalDatabase(
                                url,
                                env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                                env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""))),
                Boolean.parseBoolean(env.getOrDefault("LOCAL_STACK_ONE_JVM", "false")));
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        return nonBlank(env, name).map(Integer::parseInt).orElse(fallback);
    }
}
