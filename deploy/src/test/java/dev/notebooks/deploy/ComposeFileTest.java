package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Docker Compose reads it: {@code docker-compose config} (Debian's docker-compose, installed by
 * .ci/run) must accept the file, and its normalized output must start the five services from the images the build
 * makes, each healthy-checked, after healthy infrastructure, against its own database.
 */
class ComposeFileTest {

    static final List<String> SERVICES =
            List.of("profile-service", "notebook-service", "volume-service", "image-catalog-service", "auth-service");
    static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "k3s", "dex");
    /** The password deploy/compose/dex.yaml's comment documents for the static account. */
    static final String DEMO_PASSWORD = "notebook-platform-demo";

    private static Map<String, Object> compose;

    @BeforeAll
    static void runDockerComposeConfig() throws Exception {
        compose = config("docker-compose.yml");
    }

    /** @return {@code docker-compose config} of these files together, as Docker Compose reads them */
    static Map<String, Object> config(String... files) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker-compose"));
        for (String file : files) {
            command.add("--file");
            command.add(file);
        }
        command.add("config");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(Build.root().toFile())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is needed to validate docker-compose.yml and is not installed "
                    + "(Debian: apt-get install docker-compose; .ci/run installs it): " + e.getMessage());
        }
        // the output is small; read both streams after the end
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker-compose config did not finish in 120 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("docker-compose config rejects %s:%n%s", String.join(" + ", files), err)
                .isZero();
        return new Yaml().load(out);
    }

    @Test
    void startsTheInfrastructureAndTheFiveServices() {
        assertThat(services().keySet()).containsAll(INFRASTRUCTURE).containsAll(SERVICES);
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            if (service.getKey().equals("kube-init")) {
                continue; // a one-shot step: services wait for it to complete, not to be healthy
            }
            Object test = Build.path(service.getValue(), "healthcheck", "test");
            assertThat(test).as("%s's health check", service.getKey()).isInstanceOf(List.class);
            assertThat((List<?>) test).as("%s's health check", service.getKey()).isNotEmpty();
        }
    }

    static Stream<String> services_() {
        return SERVICES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services_")
    void runsTheServiceFromTheImageTheBuildMakes(String name) {
        Map<String, Object> service = service(name);

        assertThat(service.get("image")).isEqualTo(Build.imageRepository() + "/" + name + ":" + Build.version());
        assertThat(service.get("pull_policy")).as("a local image, never pulled").isEqualTo("never");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services_")
    void boundsTheServicesMemorySoTheJvmSizesItsHeapFromIt(String name) {
        Map<String, Object> service = service(name);

        // JAVA_TOOL_OPTIONS' -XX:MaxRAMPercentage is a share of this limit; without one, of the whole machine
        assertThat(String.valueOf(service.get("mem_limit"))).matches("\\d+[kmg]?");
        assertThat(service.get("read_only")).isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services_")
    void startsTheServiceAfterHealthyInfrastructure(String name) {
        Map<String, Object> dependsOn = map(service(name).get("depends_on"));

        for (String infrastructure : List.of("postgres", "kafka", "k3s")) {
            assertThat(Build.path(dependsOn, infrastructure, "condition"))
                    .as("%s waits for %s", name, infrastructure)
                    .isEqualTo("service_healthy");
        }
        assertThat(Build.path(dependsOn, "kube-init", "condition"))
                .as("%s waits for the kubeconfig and the CRDs", name)
                .isEqualTo("service_completed_successfully");
        if (name.equals("auth-service")) {
            assertThat(Build.path(dependsOn, "dex", "condition")).isEqualTo("service_healthy");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services_")
    void checksTheServicesReadinessOnItsOwnPortWithTheImagesJava(String name) {
        Map<String, Object> service = service(name);
        List<String> test = ((List<?>) Build.path(service, "healthcheck", "test"))
                .stream().map(String::valueOf).toList();
        int port = Build.httpPort(name);

        assertThat(test.get(0)).isEqualTo("CMD");
        assertThat(test.get(1)).as("the image has java, no shell or curl").isEqualTo("java");
        assertThat(test).contains("dev.notebooks.platform.web.probe.HealthProbe");
        assertThat(test.get(test.size() - 1)).isEqualTo("http://127.0.0.1:" + port + "/health/readiness");
        assertThat(publishedPorts(service)).contains(port + ":" + port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services_")
    void pointsTheServiceAtPostgresKafkaAndK3s(String name) {
        Map<String, Object> environment = map(service(name).get("environment"));
        String database = databaseOf(Build.defaultDatasourceUrl(name));

        assertThat(environment)
                .containsEntry("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://postgres:5432/" + database)
                .containsEntry("DATASOURCES_DEFAULT_USERNAME", database)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("KUBECONFIG", "/kube/kubeconfig.yaml")
                .containsKey("DATASOURCES_DEFAULT_PASSWORD");
        assertThat(volumes(service(name))).anyMatch(volume -> volume.startsWith("kube:/kube"));
    }

    @Test
    void givesEachServiceItsOwnDatabaseAndUserMadeByTheInitScript() throws IOException {
        String init = Files.readString(Build.root().resolve("deploy/compose/postgres-init.sql"));
        Set<String> databases = new HashSet<>();
        for (String name : SERVICES) {
            String database = databaseOf(
                    String.valueOf(map(service(name).get("environment")).get("DATASOURCES_DEFAULT_URL")));
            assertThat(databases.add(database))
                    .as("%s shares database %s", name, database)
                    .isTrue();
            String password =
                    String.valueOf(map(service(name).get("environment")).get("DATASOURCES_DEFAULT_PASSWORD"));
            assertThat(init)
                    .contains("CREATE ROLE " + database + " LOGIN PASSWORD '" + password + "';")
                    .contains("CREATE DATABASE " + database + " OWNER " + database + ";");
        }
        assertThat(volumes(service("postgres")))
                .anyMatch(volume -> volume.endsWith(
                        "deploy/compose/postgres-init.sql:/docker-entrypoint-initdb.d/10-databases.sql:ro"));
    }

    @Test
    void runsKafkaInKraftModeWithTheListenerTheServicesUse() {
        Map<String, Object> environment = map(service("kafka").get("environment"));

        assertThat(String.valueOf(environment.get("KAFKA_PROCESS_ROLES"))).isEqualTo("broker,controller");
        assertThat(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS")))
                .contains("//kafka:9092");
    }

    @Test
    void sharesK3sKubeconfigAndTheChartsCrdsThroughKubeInit() {
        Map<String, Object> init = service("kube-init");

        assertThat(volumes(init))
                .anyMatch(volume -> volume.startsWith("kube:/kube"))
                .anyMatch(volume -> volume.endsWith("helm/notebook-platform/crds:/crds:ro"));
        assertThat(Build.path(map(init.get("depends_on")), "k3s", "condition")).isEqualTo("service_healthy");
        assertThat(Build.root().resolve("helm/notebook-platform/crds")).isDirectory();
    }

    @Test
    void everyFileTheComposeFileMountsExists() {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            for (String volume : volumes(service.getValue())) {
                String source = volume.split(":")[0];
                if (source.startsWith("/")) {
                    assertThat(Path.of(source))
                            .as("%s mounts %s", service.getKey(), source)
                            .exists();
                }
            }
        }
    }

    @Test
    void dexKnowsTheDocumentedDemoPasswordAndReadsTheAccountsAuthServiceWrites() throws IOException {
        Path dexFile = Build.root().resolve("deploy/compose/dex.yaml");
        Map<String, Object> dex = Build.yaml(dexFile);
        List<?> staticPasswords = (List<?>) dex.get("staticPasswords");
        Map<String, Object> admin = map(staticPasswords.get(0));

        assertThat(Files.readString(dexFile)).contains(admin.get("email") + " / " + DEMO_PASSWORD);
        assertThat(BCrypt.verifyer().verify(DEMO_PASSWORD.toCharArray(), String.valueOf(admin.get("hash"))).verified)
                .as("the hash in dex.yaml is the documented password's")
                .isTrue();
        assertThat(dex.get("enablePasswordDB")).isEqualTo(true);
        // Dex's Kubernetes storage in the namespace auth-service writes Password objects to
        assertThat(Build.path(dex, "storage", "type")).isEqualTo("kubernetes");
        assertThat(map(service("auth-service").get("environment"))).containsEntry("AUTH_DEX_NAMESPACE", "auth");
        assertThat(volumes(service("dex")))
                .anyMatch(volume -> volume.endsWith("deploy/compose/dex.yaml:/etc/dex/config.yaml:ro"));
    }

    private static String databaseOf(String jdbcUrl) {
        // also inside application.yml's ${DATASOURCES_DEFAULT_URL:`jdbc:postgresql://localhost:5432/profile`}
        Matcher matcher = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)").matcher(jdbcUrl);
        assertThat(matcher.find()).as("a PostgreSQL JDBC URL: %s", jdbcUrl).isTrue();
        return matcher.group(1);
    }

    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> services = map(compose.get("services"));
        return services.keySet().stream().collect(Collectors.toMap(name -> name, name -> map(services.get(name))));
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        assertThat(service).as("service %s in docker-compose.yml", name).isNotNull();
        return service;
    }

    /** @return "published:target" of each port mapping (docker-compose config writes the long form). */
    static List<String> publishedPorts(Map<String, Object> service) {
        List<String> ports = new ArrayList<>();
        for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
            if (port instanceof Map<?, ?> mapping) {
                ports.add(mapping.get("published") + ":" + mapping.get("target"));
            } else {
                ports.add(String.valueOf(port));
            }
        }
        return ports;
    }

    /** @return "source:target[:mode]" of each volume, whichever form docker-compose config writes. */
    static List<String> volumes(Map<String, Object> service) {
        List<String> volumes = new ArrayList<>();
        for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
            if (volume instanceof Map<?, ?> mapping) {
                volumes.add(mapping.get("source") + ":" + mapping.get("target")
                        + (Boolean.TRUE.equals(mapping.get("read_only")) ? ":ro" : ""));
            } else {
                volumes.add(String.valueOf(volume));
            }
        }
        return volumes;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
