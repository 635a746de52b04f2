package dev.notebooks.volume;

import dev.notebooks.volume.domain.AccessMode;
import dev.notebooks.volume.domain.ClassDisplay;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * What the admin says about one storage class, {@code volumes.storage-classes.<class name>.*}: a display name and
 * description for users choosing a class (for example a Rok class described as snapshot-capable), and the access
 * modes it offers when its provisioner does not tell.
 */
@EachProperty(StorageClassSettings.PREFIX)
public class StorageClassSettings {

    public static final String PREFIX = VolumeSettings.PREFIX + ".storage-classes";

    private final String name;
    private String displayName;
    private String description;
    private List<String> accessModes = List.of();

    public StorageClassSettings(@Parameter String name) {
        this.name = name;
    }

    /** @return the storage class this describes */
    public String getName() {
        return name;
    }

    /** @return shown instead of the class name. Default: the class name. */
    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** @return a sentence about the class. Default: none. */
    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /**
     * @return the modes the class offers ({@code ReadWriteOnce} or {@code RWO}, ...). Default: from its provisioner
     *     (single-node drivers RWO and RWOP, others every mode).
     */
    public List<String> getAccessModes() {
        return accessModes;
    }

    public void setAccessModes(List<String> accessModes) {
        for (String mode : accessModes) {
            if (AccessMode.parse(mode).isEmpty()) {
                throw new IllegalArgumentException(PREFIX + "." + name + ".access-modes: " + mode
                        + " is not an access mode; use " + AccessMode.allNames());
            }
        }
        this.accessModes = List.copyOf(accessModes);
    }

    public ClassDisplay display() {
        return new ClassDisplay(
                displayName,
                description,
                accessModes.stream()
                        .map(mode -> AccessMode.parse(mode).orElseThrow())
                        .toList());
    }
}
