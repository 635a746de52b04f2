package dev.notebooks.volume.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Kubernetes' access modes, read in their full names ({@code ReadWriteOnce}) or kubectl's short ones ({@code RWO}). */
public enum AccessMode {
    READ_WRITE_ONCE("ReadWriteOnce", "RWO"),
    READ_ONLY_MANY("ReadOnlyMany", "ROX"),
    READ_WRITE_MANY("ReadWriteMany", "RWX"),
    READ_WRITE_ONCE_POD("ReadWriteOncePod", "RWOP");

    private final String kubernetesName;
    private final String shortName;

    AccessMode(String kubernetesName, String shortName) {
        this.kubernetesName = kubernetesName;
        this.shortName = shortName;
    }

    public String kubernetesName() {
        return kubernetesName;
    }

    public String shortName() {
        return shortName;
    }

    public static Optional<AccessMode> parse(String text) {
        return Arrays.stream(values())
                .filter(mode ->
                        mode.kubernetesName.equals(text) || mode.shortName.equals(text.toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<String> names(List<AccessMode> modes) {
        return modes.stream().map(AccessMode::kubernetesName).toList();
    }

    public static String allNames() {
        return Arrays.stream(values())
                .map(mode -> mode.kubernetesName + " (" + mode.shortName + ")")
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
