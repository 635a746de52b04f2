package dev.notebooks.volume.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes object names: a PersistentVolumeClaim's or VolumeSnapshot's name is a DNS-1123 subdomain. */
public final class VolumeNames {

    public static final int MAX_LENGTH = 253;

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private VolumeNames() {}

    /** @return why the name cannot be an object's, or empty when it can */
    public static Optional<String> problem(String name) {
        if (name.length() > MAX_LENGTH || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("must be a DNS-1123 subdomain: at most 253 lower case letters, digits, '-' and '.',"
                    + " starting and ending with a letter or digit");
        }
        return Optional.empty();
    }
}
