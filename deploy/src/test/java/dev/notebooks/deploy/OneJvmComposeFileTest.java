package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.suite.SuiteMember;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.one-jvm.yml over docker-compose.yml, as Docker Compose reads the two together: the suite's one
 * container takes the place of the five services' containers (which start only with the profile {@code separate}),
 * with every setting each of them has in docker-compose.yml, under the service's prefix where it is the service's own.
 */
class OneJvmComposeFileTest {

    private static Map<String, Object> services;

    @BeforeAll
    static void runDockerComposeConfig() throws Exception {
        services = ComposeFileTest.map(ComposeFileTest.config("docker-compose.yml", "docker-compose.one-jvm.yml")
                .get("services"));
    }

    @Test
    void theFiveServicesContainersStartOnlyWithTheSeparateProfile() {
        for (String name : ComposeFileTest.SERVICES) {
            assertThat(service(name).get("profiles")).as(name).isEqualTo(List.of("separate"));
        }
        assertThat(service("suite")).doesNotContainKey("profiles");
        for (String infrastructure : ComposeFileTest.INFRASTRUCTURE) {
            assertThat(service(infrastructure)).as(infrastructure).doesNotContainKey("profiles");
        }
    }

    @Test
    void runsTheSuiteFromTheImageTheBuildMakesHardenedAsTheServicesAre() {
        Map<String, Object> suite = service("suite");
        Map<String, Object> separate = service("profile-service");

        assertThat(suite.get("image")).isEqualTo(Build.imageRepository() + "/suite:" + Build.version());
        // docker-compose 1.29 leaves pull_policy out of a merged service the override file adds: read the file itself
        assertThat(Build.path(
                        Build.yaml(Build.root().resolve("docker-compose.one-jvm.yml")),
                        "services",
                        "suite",
                        "pull_policy"))
                .as("a local image, never pulled")
                .isEqualTo("never");
        assertThat(String.valueOf(suite.get("mem_limit"))).matches("\\d+[kmg]?");
        for (String setting : List.of("read_only", "cap_drop", "security_opt", "tmpfs", "restart")) {
            assertThat(suite.get(setting)).as(setting).isEqualTo(separate.get(setting));
        }
    }

    @Test
    void givesEachServiceEverySettingItHasInDockerComposeYml() {
        Map<String, Object> environment = ComposeFileTest.map(service("suite").get("environment"));
        for (SuiteMember member : SuiteMember.ALL) {
            Map<String, Object> own = ComposeFileTest.map(service(member.name()).get("environment"));
            own.forEach((name, value) -> assertThat(
                            environment.containsKey(member.prefix() + name)
                                    ? environment.get(member.prefix() + name)
                                    : environment.get(name))
                    .as("%s's %s, under %s or shared", member.name(), name, member.prefix())
                    .isEqualTo(value));
        }
        assertThat(environment)
                .as("each service's own database, not a shared one")
                .doesNotContainKey("DATASOURCES_DEFAULT_URL");
    }

    @Test
    void startsAfterWhatEachServiceWaitsForAndChecksAllFiveServices() {
        Map<String, Object> suite = service("suite");
        Map<String, Object> dependsOn = ComposeFileTest.map(suite.get("depends_on"));
        List<String> test = ((List<?>) Build.path(suite, "healthcheck", "test"))
                .stream().map(String::valueOf).toList();

        for (String name : ComposeFileTest.SERVICES) {
            ComposeFileTest.map(service(name).get("depends_on"))
                    .forEach((dependency, condition) -> assertThat(dependsOn.get(dependency))
                            .as("the suite waits for %s as %s does", dependency, name)
                            .isEqualTo(condition));
            int port = Build.httpPort(name);
            assertThat(test).contains("http://127.0.0.1:" + port + "/health/readiness");
            assertThat(ComposeFileTest.publishedPorts(suite)).contains(port + ":" + port);
        }
        assertThat(test).startsWith("CMD", "java").contains("dev.notebooks.platform.web.probe.HealthProbe");
        assertThat(ComposeFileTest.volumes(suite)).anyMatch(volume -> volume.startsWith("kube:/kube"));
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("service %s", name).containsKey(name);
        return ComposeFileTest.map(services.get(name));
    }
}
