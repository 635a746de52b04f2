package dev.notebooks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.testing.TestProperties;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.platform.testing.postgres.PostgresFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The five services in one JVM against the shared PostgreSQL, Kafka and Kubernetes API: each answers on its own port
 * with its own configuration, beans and database, and their reconcilers work side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteTest {

    private static final Map<String, String> DATABASES = Map.of(
            "profile-service", "suite_profile",
            "notebook-service", "suite_notebook",
            "volume-service", "suite_volume",
            "image-catalog-service", "suite_catalog",
            "auth-service", "suite_auth");
    // each service's own packages: no other member's bean may be in its context
    private static final Map<String, String> PACKAGES = Map.of(
            "profile-service", "dev.notebooks.profile.",
            "notebook-service", "dev.notebooks.notebook.",
            "volume-service", "dev.notebooks.volume.",
            "image-catalog-service", "dev.notebooks.catalog.",
            "auth-service", "dev.notebooks.auth.");

    private final HttpClient http = HttpClient.newHttpClient();
    private Suite suite;

    @BeforeAll
    void start() throws IOException {
        KubernetesFixture.shared().ensureNamespaces("kubeflow", "auth");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_ENVIRONMENTS", "k8s");
        environmentOf(TestProperties.kafka().kubernetes().build(), "", environment);
        environmentOf(
                Map.of(
                        "platform.kube.resync-period", "1s",
                        "platform.kube.leader-election.lease-namespace", "default",
                        "platform.kube.leader-election.identity", "suite-test-" + UUID.randomUUID(),
                        "platform.kube.leader-election.lease-duration", "6s",
                        "platform.kube.leader-election.renew-deadline", "4s",
                        "platform.kube.leader-election.retry-period", "1s",
                        "platform.outbox.poll-interval", "100ms"),
                "",
                environment);
        for (SuiteMember member : SuiteMember.ALL) {
            environmentOf(TestProperties.postgres(DATABASES.get(member.name())).build(), member.prefix(), environment);
            environment.put(member.prefix() + "MICRONAUT_SERVER_PORT", "-1");
        }
        // profile-service's own file, as the chart mounts a service's ConfigMap: over application.yml (pool size 5),
        // under its variables (the URL)
        Path config = Files.createTempFile("profile-service", ".yml");
        Files.writeString(
                config,
                """
                datasources:
                  default:
                    maximum-pool-size: 3
                    url: jdbc:postgresql://nowhere:5432/nothing
                """);
        environment.put("PROFILE_SERVICE_MICRONAUT_CONFIG_FILES", config.toString());
        suite = Suite.start(SuiteMember.ALL, environment);
    }

    @AfterAll
    void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void eachServiceAnswersOnItsOwnPortWithItsOwnConfiguration() throws Exception {
        assertThat(suite.members())
                .containsExactly(
                        "profile-service",
                        "notebook-service",
                        "volume-service",
                        "image-catalog-service",
                        "auth-service");
        List<Integer> ports = new ArrayList<>();
        for (String member : suite.members()) {
            ApplicationContext context = suite.context(member).orElseThrow();
            assertThat(context.getProperty("micronaut.application.name", String.class))
                    .as("%s reads its own application.yml", member)
                    .contains(member);
            assertThat(context.getProperty("datasources.default.url", String.class))
                    .as("%s has its own database, from its prefixed variable", member)
                    .hasValueSatisfying(url -> assertThat(url).endsWith("/" + DATABASES.get(member)));
            int port = context.getBean(EmbeddedServer.class).getPort();
            ports.add(port);
            HttpResponse<String> readiness = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("%s ready", member).isEqualTo(200);
        }
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void aServicesOwnConfigFileSitsOverItsApplicationYmlAndUnderItsVariables() {
        ApplicationContext profile = suite.context("profile-service").orElseThrow();

        assertThat(profile.getProperty("datasources.default.maximum-pool-size", Integer.class))
                .contains(3);
        assertThat(profile.getProperty("datasources.default.url", String.class))
                .hasValueSatisfying(url -> assertThat(url).endsWith("/" + DATABASES.get("profile-service")));
        assertThat(suite.context("notebook-service")
                        .orElseThrow()
                        .getProperty("datasources.default.maximum-pool-size", Integer.class))
                .as("another service's file is not its own")
                .contains(5);
    }

    @Test
    void noServiceHoldsAnotherServicesBeans() {
        for (String member : suite.members()) {
            List<String> others = new ArrayList<>(PACKAGES.values());
            others.remove(PACKAGES.get(member));
            List<String> beans = suite.context(member).orElseThrow().getAllBeanDefinitions().stream()
                    .map(BeanDefinition::getBeanType)
                    .map(Class::getName)
                    .toList();
            assertThat(beans).as("%s's own beans", member).anyMatch(name -> name.startsWith(PACKAGES.get(member)));
            assertThat(beans).as("%s holds no other service's beans", member).noneMatch(name -> others.stream()
                    .anyMatch(name::startsWith));
        }
    }

    @Test
    void eachServiceMigratedOnlyItsOwnDatabaseWithItsOwnScripts() throws SQLException {
        Map<String, List<String>> scripts = new LinkedHashMap<>();
        for (String member : suite.members()) {
            scripts.put(member, migrations(DATABASES.get(member)));
        }
        scripts.forEach((member, own) -> {
            assertThat(own.contains("V1__notebook_observation.sql"))
                    .as("%s ran notebook-service's first script", member)
                    .isEqualTo(member.equals("notebook-service"));
            assertThat(own.contains("V1__catalog.sql"))
                    .as("%s ran image-catalog-service's first script", member)
                    .isEqualTo(member.equals("image-catalog-service"));
        });
    }

    @Test
    void theReconcilersOfTwoServicesWorkSideBySide() {
        String profile = "suite-" + UUID.randomUUID().toString().substring(0, 8);
        CustomObjectsApi custom =
                new CustomObjectsApi(KubernetesFixture.shared().apiClient());
        CoreV1Api core = new CoreV1Api(KubernetesFixture.shared().apiClient());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try {
                custom.createClusterCustomObject(
                                "kubeflow.org",
                                "v1",
                                "profiles",
                                Map.of(
                                        "apiVersion",
                                        "kubeflow.org/v1",
                                        "kind",
                                        "Profile",
                                        "metadata",
                                        Map.of("name", profile),
                                        "spec",
                                        Map.of("owner", Map.of("kind", "User", "name", profile + "@example.com"))))
                        .execute();
            } catch (ApiException e) {
                assertThat(e.getCode()).as("already created").isEqualTo(409);
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        core.readNamespace(profile).execute().getMetadata().getName())
                .as("profile-service made the profile's namespace")
                .isEqualTo(profile));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(core.readNamespacedConfigMap("jupyter-web-app-config", "kubeflow")
                                .execute()
                                .getData())
                        .as("image-catalog-service projected the spawner configuration")
                        .containsKey("spawner_ui_config.yaml"));
    }

    private static List<String> migrations(String database) throws SQLException {
        List<String> scripts = new ArrayList<>();
        PostgresFixture postgres = PostgresFixture.shared();
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl(database), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select script from flyway_schema_history")) {
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
        }
        return scripts;
    }

    /** {@code datasources.default.url} becomes {@code PREFIX_DATASOURCES_DEFAULT_URL}, as a deployment would set it. */
    private static void environmentOf(Map<String, String> properties, String prefix, Map<String, String> environment) {
        properties.forEach((key, value) -> environment.put(
                prefix + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
    }
}
