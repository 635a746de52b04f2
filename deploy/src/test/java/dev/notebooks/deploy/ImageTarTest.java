package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's image, as the build writes it to {@code <service>/target/jib-image.tar}, and the suite's (the five in
 * one JVM, {@code suite/target/jib-image.tar}): what a container runtime would run. Expected values come from the one place the build sets them (root pom properties, handed over by
 * surefire) and from each service's application.yml, so a change there is a change here.
 */
class ImageTarTest {

    private static final Map<String, ImageTar> IMAGES = new ConcurrentHashMap<>();
    private static final List<String> SUITE =
            List.of("profile-service", "notebook-service", "volume-service", "image-catalog-service", "auth-service");

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("profile-service", "dev.notebooks.profile.ProfileServiceApplication"),
                Arguments.of("notebook-service", "dev.notebooks.notebook.NotebookServiceApplication"),
                Arguments.of("volume-service", "dev.notebooks.volume.VolumeServiceApplication"),
                Arguments.of("image-catalog-service", "dev.notebooks.catalog.ImageCatalogApplication"),
                Arguments.of("auth-service", "dev.notebooks.auth.AuthServiceApplication"),
                Arguments.of("suite", "dev.notebooks.suite.Suite"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void isNamedAfterTheServiceAndTheProjectVersion(String service, String mainClass) {
        ImageTar image = image(service);

        assertThat(image.manifest.get("RepoTags").get(0).asText())
                .isEqualTo(Build.imageRepository() + "/" + service + ":" + Build.version());
        assertThat(image.config.path("os").asText()).isEqualTo("linux");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void runsAsTheNumericNonRootUser(String service, String mainClass) {
        String user = image(service).config.path("config").path("User").asText();

        assertThat(user).isEqualTo(Build.imageUser());
        // numeric, so that Kubernetes' runAsNonRoot can check it without reading /etc/passwd
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Long.parseLong(user.split(":")[0])).isPositive();
        assertThat(image(service).files.get("etc/passwd"))
                .as("the base image names the user (nonroot)")
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void startsTheServiceMainClassWithTheJavaOnItsPath(String service, String mainClass) {
        ImageTar image = image(service);
        JsonNode config = image.config.path("config");

        assertThat(strings(config.path("Entrypoint")))
                .containsExactly("java", "-cp", "@/app/jib-classpath-file", mainClass);
        assertThat(config.path("Cmd").isMissingNode()
                        || config.path("Cmd").isNull()
                        || config.path("Cmd").isEmpty())
                .as("no Cmd: the entrypoint is the whole command line")
                .isTrue();
        // `java` resolves through PATH to an executable in the image: the runtime is there, where the PATH says
        List<String> javaOnPath = new ArrayList<>();
        for (String directory : image.environment().get("PATH").split(":")) {
            ImageTar.FileInfo java = image.files.get(ImageTar.normalize(directory + "/java"));
            if (java != null && !java.directory() && (java.mode() & 0001) != 0) {
                javaOnPath.add(java.path());
            }
        }
        assertThat(javaOnPath).as("an executable java on PATH").isNotEmpty();
        assertThat(image.files)
                .containsKey(ImageTar.normalize(image.environment().get("JAVA_HOME") + "/lib/server/libjvm.so"));
        // the main class and every classpath entry are in the image, readable by the non-root user
        assertThat(image.files).containsKey("app/classes/" + mainClass.replace('.', '/') + ".class");
        String[] classpath = image.text("app/jib-classpath-file").trim().split(":");
        assertThat(classpath).hasSizeGreaterThan(10);
        for (String entry : classpath) {
            ImageTar.FileInfo file = image.files.get(ImageTar.normalize(entry));
            assertThat(file).as("classpath entry %s in the image", entry).isNotNull();
            assertThat(file.mode() & 0004).as("%s readable by others", entry).isNotZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void exposesTheHttpPortOfItsApplicationYml(String service, String mainClass) {
        JsonNode exposed = image(service).config.path("config").path("ExposedPorts");
        // the suite's image runs the five services, each on its own port
        List<String> services = service.equals("suite") ? SUITE : List.of(service);

        assertThat(strings(exposed.fieldNames()))
                .containsExactlyInAnyOrderElementsOf(services.stream()
                        .map(name -> Build.httpPort(name) + "/tcp")
                        .toList());
    }

    @Test
    void theSuitesImageHoldsTheFiveServicesAndOneCopyOfTheirLibraries() {
        List<String> classpath =
                List.of(image("suite").text("app/jib-classpath-file").trim().split(":"));

        for (String service : SUITE) {
            assertThat(classpath)
                    .as("%s's own jar, not its runnable one", service)
                    .containsOnlyOnce("/app/libs/" + service + "-" + Build.version() + ".jar")
                    .noneMatch(entry -> entry.endsWith(service + "-" + Build.version() + "-all.jar"));
        }
        assertThat(classpath.stream().filter(entry -> entry.contains("/kafka-clients-")))
                .as("one Kafka client for the five")
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void carriesTheOciLabels(String service, String mainClass) {
        JsonNode labels = image(service).config.path("config").path("Labels");

        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(Build.version());
        assertThat(labels.path("org.opencontainers.image.revision").asText())
                .as("the commit the image was built from")
                .matches("[0-9a-f]{40}");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo(Build.imageLicenses());
        assertThat(labels.path("org.opencontainers.image.description").asText()).startsWith(service + ":");
        assertThat(labels.path("org.opencontainers.image.vendor").asText()).isEqualTo("notebook-platform");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void passesTheBuildsJvmOptionsInItsEnvironment(String service, String mainClass) {
        Map<String, String> environment = image(service).environment();

        assertThat(Build.jvmFlags()).isNotBlank();
        // JAVA_TOOL_OPTIONS: every JVM in the container reads it, and a deployment overrides it without a rebuild
        assertThat(environment).containsEntry("JAVA_TOOL_OPTIONS", Build.jvmFlags());
        assertThat(environment).containsKey("JAVA_HOME");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void canRunItsHealthProbeWithItsOwnJava(String service, String mainClass) {
        ImageTar image = image(service);
        String webJar = image.files.keySet().stream()
                .filter(path -> path.matches("app/libs/platform-web-[^/]+\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + ": platform-web is not in the image"));

        // docker-compose.yml's health checks run this class: no shell, curl or wget in the image
        assertThat(image.jarEntries(webJar)).contains("dev/notebooks/platform/web/probe/HealthProbe.class");
        assertThat(image.text("app/jib-classpath-file")).contains("/" + webJar);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void holdsEveryLayerItsConfigNames(String service, String mainClass) {
        ImageTar image = image(service);

        // what `docker load` checks: the config's diff_ids are the layers' uncompressed digests, in order
        assertThat(strings(image.config.path("rootfs").path("diff_ids"))).isEqualTo(image.layerDigests);
        assertThat(image.layerDigests).hasSizeGreaterThan(1);
    }

    private static ImageTar image(String service) {
        return IMAGES.computeIfAbsent(
                service,
                name -> ImageTar.read(
                        Build.root().resolve(name).resolve("target").resolve("jib-image.tar")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> strings(java.util.Iterator<String> names) {
        List<String> values = new ArrayList<>();
        names.forEachRemaining(values::add);
        return values;
    }
}
