package dev.notebooks.suite;

import java.util.List;
import java.util.Locale;

/**
 * A service of the suite as the one-JVM suite runs it.
 *
 * @param name the service's name, whose upper-case form is the prefix of the environment variables meant for it alone
 * @param mainClass its main class, which also tells where its own code (and so its configuration) is
 */
public record SuiteMember(String name, String mainClass) {

    public static final List<SuiteMember> ALL = List.of(
            new SuiteMember("profile-service", "dev.notebooks.profile.ProfileServiceApplication"),
            new SuiteMember("notebook-service", "dev.notebooks.notebook.NotebookServiceApplication"),
            new SuiteMember("volume-service", "dev.notebooks.volume.VolumeServiceApplication"),
            new SuiteMember("image-catalog-service", "dev.notebooks.catalog.ImageCatalogApplication"),
            new SuiteMember("auth-service", "dev.notebooks.auth.AuthServiceApplication"));

    /** {@code PROFILE_SERVICE_} for profile-service: {@code PROFILE_SERVICE_DATASOURCES_DEFAULT_URL} is its database. */
    public String prefix() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** The members named in {@code names} (comma-separated; blank for all five), in the suite's start order. */
    public static List<SuiteMember> named(String names) {
        if (names == null || names.isBlank()) {
            return ALL;
        }
        List<String> wanted = List.of(names.replace(" ", "").split(","));
        List<String> unknown = wanted.stream()
                .filter(name -> ALL.stream().noneMatch(member -> member.name().equals(name)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not services of the suite: " + unknown);
        }
        return ALL.stream().filter(member -> wanted.contains(member.name())).toList();
    }
}
