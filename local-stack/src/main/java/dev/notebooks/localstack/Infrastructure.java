package dev.notebooks.localstack;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The environment of the suite's one JVM running {@code modules}: what is the same for all of them once, and the
     * rest of each one's {@link #environmentFor} under its {@link ServiceModule#environmentPrefix()}.
     */
    Map<String, String> environmentForOneJvm(List<ServiceModule> modules, LocalStackSettings settings) {
        List<Map<String, String>> each =
                modules.stream().map(module -> environmentFor(module, settings)).toList();
        Map<String, String> env = new LinkedHashMap<>();
        each.get(0).forEach((name, value) -> {
            if (each.stream().allMatch(own -> value.equals(own.get(name)))) {
                env.put(name, value);
            }
        });
        for (int i = 0; i < modules.size(); i++) {
            String prefix = modules.get(i).environmentPrefix();
            each.get(i).forEach((name, value) -> {
                if (!value.equals(env.get(name))) {
                    env.put(prefix + name, value);
                }
            });
        }
        env.put(
                "SUITE_SERVICES",
                String.join(",", modules.stream().map(ServiceModule::name).toList()));
        return env;
    }
}
