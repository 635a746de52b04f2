package dev.notebooks.localstack;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the running PostgreSQL, Kafka and Kubernetes API are, and how a service process is pointed at them. */
record Infrastructure(Database database, String kafkaBootstrapServers, Cluster cluster) {

    /** A PostgreSQL server, reached through the URL of any database on it. */
    record Database(String url, String username, String password) {

        /** The JDBC URL of {@code name} on this server, creating the database first if it is missing. */
        String createIfAbsent(String name) {
            try (var connection = DriverManager.getConnection(url, username, password);
                    var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                if (!exists.executeQuery().next()) {
                    try (var create = connection.createStatement()) {
                        // the name comes from ServiceModule, never from input
                        create.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name + " at " + url, e);
            }
            return url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        }
    }

    /** A Kubernetes API; the double has no discovery endpoints, so clients must not ask for them. */
    record Cluster(Path kubeconfig, boolean apiDouble) {}

    /** The environment a service process starts with: Micronaut's environment-variable form of its settings. */
    Map<String, String> environmentFor(ServiceModule module, LocalStackSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "k8s,local");
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(module.port()));
        env.put("DATASOURCES_DEFAULT_URL", database.createIfAbsent(module.database()));
        env.put("DATASOURCES_DEFAULT_USERNAME", database.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("KUBECONFIG", cluster.kubeconfig().toString());
        env.put("KUBERNETES_CLIENT_KUBE_CONFIG_PATH", cluster.kubeconfig().toString());
        env.put("PLATFORM_SECURITY_CLUSTER_ADMINS", settings.clusterAdmin());
        env.putAll(module.localEnvironment());
        return env;
    }
}
