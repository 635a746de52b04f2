package dev.notebooks.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.testing.postgres.PostgresFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the local stack points the services at PostgreSQL, Kafka and the API: a process each, or the one JVM. */
class InfrastructureTest {

    private final Infrastructure infrastructure = new Infrastructure(
            new Infrastructure.Database(
                    PostgresFixture.shared().jdbcUrl("postgres"),
                    PostgresFixture.shared().username(),
                    PostgresFixture.shared().password()),
            "127.0.0.1:9092",
            new Infrastructure.Cluster(Path.of("/stack/kubeconfig"), true));
    private final LocalStackSettings settings = LocalStackSettings.from(Map.of(), Path.of("."));

    @Test
    void theOneJvmGetsWhatAllShareOnceAndEachServicesOwnUnderItsPrefix() {
        Map<String, String> environment = infrastructure.environmentForOneJvm(ServiceModule.SUITE, settings);

        assertThat(environment)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("KUBERNETES_CLIENT_KUBE_CONFIG_PATH", "/stack/kubeconfig")
                .containsEntry("MICRONAUT_ENVIRONMENTS", "k8s,local")
                .containsEntry(
                        "SUITE_SERVICES",
                        "profile-service,notebook-service,volume-service,image-catalog-service,auth-service")
                .doesNotContainKeys("MICRONAUT_SERVER_PORT", "DATASOURCES_DEFAULT_URL", "NOTEBOOKS_CULLING_ACCESS");
        assertThat(environment)
                .containsEntry("PROFILE_SERVICE_MICRONAUT_SERVER_PORT", "8081")
                .containsEntry("AUTH_SERVICE_MICRONAUT_SERVER_PORT", "8085")
                .containsEntry("NOTEBOOK_SERVICE_NOTEBOOKS_CULLING_ACCESS", "API_SERVER_PROXY");
        for (ServiceModule module : ServiceModule.SUITE) {
            // what the service gets alone is what the suite reads for it: its own, else the shared value
            infrastructure.environmentFor(module, settings).forEach((name, value) -> assertThat(
                            environment.getOrDefault(module.environmentPrefix() + name, environment.get(name)))
                    .as("%s's %s", module.name(), name)
                    .isEqualTo(value));
            assertThat(environment.get(module.environmentPrefix() + "DATASOURCES_DEFAULT_URL"))
                    .endsWith("/" + module.database());
        }
    }
}
