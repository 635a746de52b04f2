package dev.notebooks.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** What the build says the images and the compose file must be: root pom properties (via surefire) and sources. */
final class Build {

    private Build() {}

    static Path root() {
        return Path.of(property("deploy.root")).toAbsolutePath().normalize();
    }

    static String version() {
        return property("deploy.version");
    }

    static String imageRepository() {
        return property("deploy.image-repository");
    }

    static String jvmFlags() {
        return property("deploy.jvm-flags");
    }

    static String imageUser() {
        return property("deploy.image-user");
    }

    static String imageLicenses() {
        return property("deploy.image-licenses");
    }

    /** @return micronaut.server.port of the service's application.yml. */
    static int httpPort(String service) {
        Map<String, Object> yaml = yaml(root().resolve(service).resolve("src/main/resources/application.yml"));
        Object port = path(yaml, "micronaut", "server", "port");
        if (!(port instanceof Integer number)) {
            throw new AssertionError(service + "'s application.yml has no numeric micronaut.server.port: " + port);
        }
        return number;
    }

    /** @return the default JDBC URL of the service's application.yml (the ${VAR:`default`} placeholder's default). */
    static String defaultDatasourceUrl(String service) {
        Map<String, Object> yaml = yaml(root().resolve(service).resolve("src/main/resources/application.yml"));
        return String.valueOf(path(yaml, "datasources", "default", "url"));
    }

    static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object path(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new AssertionError(
                    "system property " + name + " is not set: run this test through Maven (deploy/pom.xml "
                            + "hands over the root pom's values)");
        }
        return value;
    }
}
