package dev.notebooks.suite;

import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration files meant for one member ({@code PROFILE_SERVICE_MICRONAUT_CONFIG_FILES}, comma-separated YAML
 * files), read as Micronaut reads {@code MICRONAUT_CONFIG_FILES}: over the service's application.yml, under environment
 * variables, a later file over an earlier one. Micronaut itself reads that variable only from the process, where it
 * would apply to every member alike.
 */
final class MemberConfigFiles {

    static final String VARIABLE = "MICRONAUT_CONFIG_FILES";
    // above application.yml and application-<env>.yml (-300 and just above), below environment variables (-200)
    static final int POSITION = EnvironmentPropertySource.POSITION - 50;

    private MemberConfigFiles() {}

    /** @param files the member's own value of {@code MICRONAUT_CONFIG_FILES}, if it has one */
    static List<PropertySource> read(SuiteMember member, String files) {
        List<PropertySource> sources = new ArrayList<>();
        if (files == null || files.isBlank()) {
            return sources;
        }
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        int index = 0;
        for (String name : files.split(",")) {
            Path file = Path.of(name.trim());
            if (!file.toString().endsWith(".yml") && !file.toString().endsWith(".yaml")) {
                throw new IllegalArgumentException(
                        member.prefix() + VARIABLE + ": " + file + " is not a YAML file (.yml, .yaml)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                Map<String, Object> settings = yaml.read(file.toString(), in);
                sources.add(PropertySource.of(member.name() + ":" + file, settings, POSITION + index++));
            } catch (IOException e) {
                throw new UncheckedIOException(member.prefix() + VARIABLE + ": " + file + " cannot be read", e);
            }
        }
        return sources;
    }
}
