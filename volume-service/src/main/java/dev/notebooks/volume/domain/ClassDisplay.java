package dev.notebooks.volume.domain;

import java.util.List;

/**
 * What an admin says about a storage class in configuration.
 *
 * @param displayName shown instead of the class name; null for the name
 * @param description such as "Rok: snapshots, fast restore"; null for none
 * @param accessModes the modes the class offers; empty to take them from its provisioner ({@link StorageClasses})
 */
public record ClassDisplay(String displayName, String description, List<AccessMode> accessModes) {

    public static final ClassDisplay NONE = new ClassDisplay(null, null, List.of());

    public ClassDisplay {
        accessModes = accessModes == null ? List.of() : List.copyOf(accessModes);
    }
}
